/**
 * A small, strict argument parser: `--flag value`, `--flag=value`, `-x value`, boolean switches,
 * positionals. Unknown flags, missing values and bad values throw a UsageError naming the argument;
 * main() prints it with the usage line and exits 2.
 */
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

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const all = [...specs, ...COMMON_FLAGS];
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const key = long ? arg.slice(2, eq >= 0 ? eq : undefined) : arg.slice(1);
    const spec = long ? all.find((s) => s.name === key) : all.find((s) => s.short === key);
    if (spec === undefined) throw new UsageError(`unknown option "${long ? `--${key}` : arg}"`);
    if (flags.has(spec.name)) throw new UsageError(`--${spec.name} given twice`);
    if (spec.value === undefined) {
      if (long && eq >= 0) throw new UsageError(`--${spec.name} takes no value`);
      flags.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (long && eq >= 0) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${spec.name}: expected ${spec.value}`);
    flags.set(spec.name, value);
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
