/**
 * Strict argument parsing on node:util parseArgs: `--flag value`, `--flag=value`, `-x value`, boolean
 * switches, positionals. Unknown flags, missing values and bad values throw a UsageError naming the
 * argument; main() prints it with the usage line and exits 2. Durations, whole numbers and section
 * lists have their own checked readers below, and every command's help text comes from its FlagSpecs.
 */
import { parseArgs as parseArgsWithNode } from 'node:util';
import { parseSectionList, type SectionName } from '../shared/sections';

export class UsageError extends Error {}

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  /** Placeholder shown in help; absent for boolean switches. */
  readonly value?: string;
  readonly description: string;
}

export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
}

/** Flags every command takes. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'root', value: 'DIR', description: 'read proc/ and sys/ under DIR instead of / (Linux)' },
  { name: 'help', short: 'h', description: 'show this help' },
];

/** The spec a token names: by long name, or by short letter when the token was `-x`. */
function specOf(all: readonly FlagSpec[], rawName: string): FlagSpec | undefined {
  return rawName.startsWith('--')
    ? all.find((s) => s.name === rawName.slice(2))
    : all.find((s) => s.short === rawName.slice(1));
}

/**
 * Parses with node:util parseArgs (https://nodejs.org/api/util.html#utilparseargsconfig), reading its
 * tokens so that every mistake gets our message naming the argument: an unknown option, one given
 * twice, a value for a switch, a missing or empty value.
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const all = [...specs, ...COMMON_FLAGS];
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const spec of all) {
    options[spec.name] = {
      type: spec.value === undefined ? 'boolean' : 'string',
      ...(spec.short !== undefined ? { short: spec.short } : {}),
    };
  }
  const { tokens } = parseArgsWithNode({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = specOf(all, token.rawName);
    if (spec === undefined) throw new UsageError(`unknown option "${token.rawName}"`);
    if (flags.has(spec.name)) throw new UsageError(`--${spec.name} given twice`);
    if (spec.value === undefined) {
      if (token.value !== undefined) throw new UsageError(`--${spec.name} takes no value`);
      flags.set(spec.name, true);
      continue;
    }
    if (token.value === undefined || token.value === '')
      throw new UsageError(`--${spec.name}: expected ${spec.value}`);
    flags.set(spec.name, token.value);
  }
  return { flags, positionals };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.get(name) === true;
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "500ms", "1s", "1.5s", "2m", "1h"; a bare number is seconds. */
export function parseDuration(text: string, argName: string): number {
  const m = DURATION.exec(text.trim());
  if (m === null)
    throw new UsageError(`--${argName}: expected a duration such as 500ms, 1s, 2m or 1h, got "${text}"`);
  const ms = Number(m[1]) * UNIT_MS[m[2] ?? 's']!;
  if (!(ms > 0)) throw new UsageError(`--${argName}: must be more than zero`);
  return ms;
}

export function durationFlag(args: ParsedArgs, name: string, fallbackMs: number, minMs = 100): number {
  const text = stringFlag(args, name);
  if (text === undefined) return fallbackMs;
  const ms = parseDuration(text, name);
  if (ms < minMs) throw new UsageError(`--${name}: must be at least ${minMs} ms`);
  return ms;
}

export function sectionsFlag(args: ParsedArgs, name = 'sections'): SectionName[] | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  try {
    return parseSectionList(text, `--${name}`);
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
}

export function intFlag(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = stringFlag(args, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name}: expected a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`--${name}: expected ${min}..${max}, got ${n}`);
  return n;
}

/** The help text of one command. */
export function helpText(usage: string, summary: string, specs: readonly FlagSpec[]): string {
  const rows = [...specs, ...COMMON_FLAGS].map((s) => {
    const left = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ` ${s.value}` : ''}`;
    return `  ${left.padEnd(28)} ${s.description}`;
  });
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.join('\n')}\n`;
}

export function noPositionals(args: ParsedArgs): void {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
}

/**
 * The start of every command: parse, answer --help (returns undefined once the help is written),
 * refuse positionals.
 */
export function parseCommandArgs(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  help: { readonly usage: string; readonly summary: string },
  out: { write(text: string): unknown },
): ParsedArgs | undefined {
  const args = parseArgs(argv, specs);
  if (boolFlag(args, 'help')) {
    out.write(helpText(help.usage, help.summary, specs));
    return undefined;
  }
  noPositionals(args);
  return args;
}
