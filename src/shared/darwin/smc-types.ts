/**
 * SMC value decoding by type code. The SMC returns raw bytes plus a 4-character type; the meaning is
 * in the type, never in the key name (PSTR is sp78, sp87, sp96 or `flt ` depending on the model).
 * Facts verified on the public dumps of https://github.com/dkorunic/iSMC (internal/reports, Apple
 * Silicon) and https://github.com/acidanthera/VirtualSMC (Docs/SMCDumps, Intel): `flt ` is
 * little-endian float32, `ioft` little-endian 16.16 fixed point, sp78/sp87/spf0 big-endian.
 */

/** One raw SMC reading as the native backend returns it. */
export interface SmcReading {
  readonly key: string;
  /** The exact 4-character type code, trailing spaces included ("flt ", "ui8 ", "sp78"). */
  readonly type: string;
  readonly bytes: Uint8Array;
}

export type SmcValue = number | boolean | string;

/**
 * Integer keys that Apple Silicon SMCs store little-endian (cross-checked in iSMC's M2 Max, M4 and
 * M4 Pro reports against their `flt ` twins SBAV/SBAR/SBAS and the identity B0AV×B0AC = B0AP).
 * Every other integer key is big-endian there too (#KEY, B0RM), as all integers are on Intel.
 */
export const APPLE_SILICON_LE_INT_KEYS: ReadonlySet<string> = new Set([
  'B0AV', // mV
  'B0AC', // mA, signed
  'B0AP', // mW, signed
  'B0FC', // full-charge mAh
  'B0DC', // design mAh
  'B0CT', // cycle count
  'B0AT', // battery temperature, 0.1 K
]);

export interface SmcDecodeOptions {
  /** Apple Silicon SMC: integer byte order follows APPLE_SILICON_LE_INT_KEYS. Intel: all big-endian. */
  readonly appleSilicon: boolean;
}

/** Byte order of an integer key on the given machine kind. */
export function smcIntIsLittleEndian(key: string, appleSilicon: boolean): boolean {
  return appleSilicon && APPLE_SILICON_LE_INT_KEYS.has(key);
}

function hexDigit(c: string): number | undefined {
  const v = Number.parseInt(c, 16);
  return Number.isNaN(v) ? undefined : v;
}

function readUnsigned(bytes: Uint8Array, littleEndian: boolean): number {
  let v = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[littleEndian ? bytes.length - 1 - i : i] ?? 0;
    v = v * 256 + b;
  }
  return v;
}

function readSigned(bytes: Uint8Array, littleEndian: boolean): number {
  const u = readUnsigned(bytes, littleEndian);
  const bits = bytes.length * 8;
  const top = 2 ** (bits - 1);
  return u >= top ? u - 2 ** bits : u;
}

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b === 0) continue;
    s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '';
  }
  return s.trim();
}

const INT_TYPE = /^(ui|si)(8|16|32|64) ?$/;
const FIXED_TYPE = /^(sp|fp)([0-9a-f])([0-9a-f])$/;

/**
 * Decodes one reading. Returns undefined for types we do not interpret (structures such as
 * `{rev`, `ch8*` blobs) and for byte counts that do not fit the type, so callers never see a
 * made-up number.
 *  - `flt ` little-endian IEEE-754 float32 (also T2-era Intel fans and power in VirtualSMC's dumps)
 *  - `ioft` 8 bytes, little-endian signed 16.16 fixed point
 *  - `spXY` signed big-endian, Y = number of fraction bits (hex digit)
 *  - `fpXY` unsigned big-endian, Y fraction bits (`fpe2` Intel fan rpm /4)
 *  - `ui8/16/32/64`, `si8/16/32/64` with the per-key byte order above
 *  - `flag` boolean; `hex_` unsigned big-endian; `{fds` fan name (ASCII at bytes 4–15); `ch8*` text
 */
export function decodeSmcValue(reading: SmcReading, options: SmcDecodeOptions): SmcValue | undefined {
  const { key, type, bytes } = reading;
  const n = bytes.length;
  if (type === 'flt ') {
    if (n !== 4) return undefined;
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true);
  }
  if (type === 'ioft') {
    if (n !== 8) return undefined;
    // Signed: real dumps hold negatives (M4 TR1d ff..ea4e = −21.69 in iSMC's internal/reports).
    const raw = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigInt64(0, true);
    return Number(raw) / 65536;
  }
  if (type === 'flag') return n >= 1 ? bytes[0] !== 0 : undefined;
  if (type === 'hex_') return n >= 1 && n <= 6 ? readUnsigned(bytes, false) : undefined;
  if (type === '{fds') return n >= 16 ? ascii(bytes.subarray(4, 16)) : undefined;
  if (type === 'ch8*' || type === 'char') return ascii(bytes);
  const fixed = FIXED_TYPE.exec(type);
  if (fixed) {
    if (n !== 2) return undefined;
    const fraction = hexDigit(fixed[3] ?? '');
    if (fraction === undefined) return undefined;
    const raw = fixed[1] === 'sp' ? readSigned(bytes, false) : readUnsigned(bytes, false);
    return raw / 2 ** fraction;
  }
  const int = INT_TYPE.exec(type);
  if (int) {
    const width = Number(int[2]) / 8;
    if (n !== width || width > 6) {
      // 64-bit counters above 2^53 would lose precision; they are not metrics we read.
      return undefined;
    }
    const le = smcIntIsLittleEndian(key, options.appleSilicon);
    return int[1] === 'si' ? readSigned(bytes, le) : readUnsigned(bytes, le);
  }
  return undefined;
}

/** Decodes a reading to a finite number, or undefined (booleans become 0/1; text is not a number). */
export function decodeSmcNumber(reading: SmcReading, options: SmcDecodeOptions): number | undefined {
  const v = decodeSmcValue(reading, options);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Hex text ("26 30", "2630") to bytes; throws a RangeError naming the argument on bad input. */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw new RangeError(`hex: expected an even number of hex digits, got "${hex}"`);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
