/**
 * Parsers for the two text forms of an IORegistry dictionary, used only by tests (so they live here,
 * not in src/) to run the battery decoders on real captures: `ioreg -rn` text ("Key" = value lines) and `ioreg -a`
 * XML plists. The live addon reads the registry directly and never runs ioreg.
 *
 * The text form prints negative integers as unsigned 64-bit two's complement
 * (18446744073709550397 = −1219; the ioreg captures in https://github.com/exelban/stats/issues/222
 * show it, while `ioreg -a` prints signed integers); the parser turns them back into signed numbers.
 */

import type { RegistryValue } from '../../src/shared/darwin/registry';

const TWO_63 = 2n ** 63n;
const TWO_64 = 2n ** 64n;

/** Decimal integer text → number, reading values ≥ 2^63 as signed 64-bit (two's complement). */
export function signedFromUnsigned64Text(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new RangeError(`text: expected a decimal integer, got "${text}"`);
  let v = BigInt(text);
  if (v >= TWO_63 && v < TWO_64) v -= TWO_64;
  return Number(v);
}

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  skipSpace(): void {
    while (/\s/.test(this.peek())) this.pos++;
  }
}

function parseValue(c: Cursor): RegistryValue | undefined {
  c.skipSpace();
  const ch = c.peek();
  if (ch === '"') {
    const end = c.text.indexOf('"', c.pos + 1);
    if (end < 0) return undefined;
    const s = c.text.slice(c.pos + 1, end);
    c.pos = end + 1;
    return s;
  }
  if (ch === '{') {
    c.pos++;
    const out: Record<string, RegistryValue> = {};
    for (;;) {
      c.skipSpace();
      if (c.peek() === '}') {
        c.pos++;
        return out;
      }
      if (c.peek() === ',') {
        c.pos++;
        continue;
      }
      const key = parseValue(c);
      c.skipSpace();
      if (typeof key !== 'string' || c.peek() !== '=') return undefined;
      c.pos++;
      const value = parseValue(c);
      if (value === undefined) return undefined;
      out[key] = value;
    }
  }
  if (ch === '(') {
    c.pos++;
    const out: RegistryValue[] = [];
    for (;;) {
      c.skipSpace();
      if (c.peek() === ')') {
        c.pos++;
        return out;
      }
      if (c.peek() === ',') {
        c.pos++;
        continue;
      }
      const value = parseValue(c);
      if (value === undefined) return undefined;
      out.push(value);
    }
  }
  if (ch === '<') {
    const end = c.text.indexOf('>', c.pos);
    if (end < 0) return undefined;
    const hex = c.text.slice(c.pos + 1, end);
    c.pos = end + 1;
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) return undefined;
    return Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
  }
  const word = /^-?[\w.]+/.exec(c.text.slice(c.pos))?.[0];
  if (!word) return undefined;
  c.pos += word.length;
  if (word === 'Yes') return true;
  if (word === 'No') return false;
  if (/^-?\d+$/.test(word)) return signedFromUnsigned64Text(word);
  if (/^-?\d*\.\d+$/.test(word)) return Number(word);
  return undefined;
}

/**
 * Top-level `"Key" = value` lines of `ioreg -r` text (also the bare `grep` form). A line whose
 * value is cut off (captures marked [TRUNCATED]) or malformed is skipped, never guessed.
 */
export function parseIoregText(text: string): Record<string, RegistryValue> {
  const out: Record<string, RegistryValue> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*"([^"]+)"\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const c = new Cursor(m[2] ?? '');
    const value = parseValue(c);
    c.skipSpace();
    if (value !== undefined && c.pos === c.text.length) out[m[1] ?? ''] = value;
  }
  return out;
}

/**
 * Key/value pairs of the first <dict> of an XML plist (`ioreg -a`): integer, real, string, true,
 * false and nested dicts/arrays. Integers there are already signed. Elements cut off are skipped.
 */
export function parsePlistDict(xml: string): Record<string, RegistryValue> {
  const tokens = [
    ...xml.matchAll(/<(\/?)(dict|array|key|integer|real|string|true|false|data)(\/?)>([^<]*)/g),
  ];
  let i = tokens.findIndex((t) => t[2] === 'dict' && t[1] === '');
  if (i < 0) return {};
  const value = (): RegistryValue | undefined => {
    const t = tokens[i++];
    if (!t || t[1] === '/') return undefined;
    const [tag, selfClose, body] = [t[2], t[3], (t[4] ?? '').trim()];
    if (tag === 'true') return true;
    if (tag === 'false') return false;
    if (tag === 'integer') {
      i++;
      return /^-?\d+$/.test(body) ? signedFromUnsigned64Text(body) : undefined;
    }
    if (tag === 'real') {
      i++;
      return Number(body);
    }
    if (tag === 'string') {
      i++;
      return body;
    }
    if (tag === 'data') {
      i++;
      return Uint8Array.from(base64Bytes(body));
    }
    if (tag === 'array') {
      const out: RegistryValue[] = [];
      if (selfClose) return out;
      while (tokens[i] && !(tokens[i]?.[1] === '/' && tokens[i]?.[2] === 'array')) {
        const v = value();
        if (v === undefined) return out;
        out.push(v);
      }
      i++;
      return out;
    }
    if (tag === 'dict') {
      const out: Record<string, RegistryValue> = {};
      if (selfClose) return out;
      while (tokens[i] && tokens[i]?.[2] === 'key' && tokens[i]?.[1] === '') {
        const key = (tokens[i]?.[4] ?? '').trim();
        i += 2;
        const v = value();
        if (v === undefined) return out;
        out[key] = v;
      }
      i++;
      return out;
    }
    return undefined;
  };
  const dict = value();
  return dict !== undefined &&
    typeof dict === 'object' &&
    !Array.isArray(dict) &&
    !(dict instanceof Uint8Array)
    ? (dict as Record<string, RegistryValue>)
    : {};
}

/** base64 without node's Buffer (shared/ imports nothing outside shared). */
function base64Bytes(text: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of clean) {
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}
