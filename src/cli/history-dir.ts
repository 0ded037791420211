/**
 * The history flags of `serve` (and so of `service install`, which forwards them) and `export`:
 * where the durable history lives (core/history open.ts) and how long it keeps.
 */
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import {
  DEFAULT_DURABLE_DAYS,
  defaultHistoryDir,
  HistoryLockedError,
  MAX_HISTORY_DAYS,
  openHistory,
  type DurableHistory,
} from '../core/history';
import { boolFlag, intFlag, stringFlag, UsageError, type FlagSpec, type ParsedArgs } from './args';
import type { CliIo } from './io';

export const DATA_DIR_FLAG: FlagSpec = {
  name: 'data-dir',
  value: 'DIR',
  description: 'keep history in DIR (default: the platform state directory, see README)',
};

export const HISTORY_FLAGS: readonly FlagSpec[] = [
  DATA_DIR_FLAG,
  { name: 'no-history', description: 'keep no history (only live values)' },
  {
    name: 'history-days',
    value: 'N',
    description: `days of history to keep, 1..${MAX_HISTORY_DAYS} (default ${DEFAULT_DURABLE_DAYS})`,
  },
];

/** The history directory the flags name, absolute (a service does not run in the caller's folder). */
export function historyDirOf(args: ParsedArgs, io: Pick<CliIo, 'env'>, cwd = process.cwd()): string {
  const given = stringFlag(args, 'data-dir');
  if (given === undefined) return defaultHistoryDir(process.platform, io.env, io.env['HOME'] || homedir());
  return isAbsolute(given) ? given : resolve(cwd, given);
}

export interface CliHistory {
  /** Undefined with --no-history. */
  readonly history: DurableHistory | undefined;
  readonly days: number;
}

/**
 * Opens the history the flags ask for and prints what the start found; undefined (after printing
 * why) when another process holds the directory or it cannot be created.
 */
export async function openCliHistory(
  args: ParsedArgs,
  io: CliIo,
  who: string,
): Promise<CliHistory | undefined> {
  const days = intFlag(args, 'history-days', DEFAULT_DURABLE_DAYS, 1, MAX_HISTORY_DAYS);
  if (boolFlag(args, 'no-history')) {
    if (stringFlag(args, 'data-dir') !== undefined) throw new UsageError('--data-dir: not with --no-history');
    return { history: undefined, days };
  }
  const dir = historyDirOf(args, io);
  try {
    const history = await openHistory({
      dir,
      days,
      onError: (error) => io.stderr.write(`${who}: history write failed: ${error.message}\n`),
    });
    for (const note of history.report.notes) io.stderr.write(`${who}: history: ${note}\n`);
    return { history, days };
  } catch (error) {
    const message =
      error instanceof HistoryLockedError
        ? error.message
        : `cannot open history in ${dir}: ${(error as Error).message}`;
    io.stderr.write(`${who}: ${message}\n`);
    return undefined;
  }
}

/** Forwarded serve arguments with --data-dir made absolute against `cwd` (service install). */
export function absoluteDataDir(args: readonly string[], cwd: string): string[] {
  const out = [...args];
  out.forEach((arg, i) => {
    if (arg === '--data-dir' && out[i + 1] !== undefined) out[i + 1] = resolve(cwd, out[i + 1]!);
    else if (arg.startsWith('--data-dir=')) out[i] = `--data-dir=${resolve(cwd, arg.slice(11))}`;
  });
  return out;
}
