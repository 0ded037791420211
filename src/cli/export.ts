/**
 * `nmetrics export --range 1y --out f.csv`: writes a range of the durable history (the one
 * `nmetrics serve` keeps, or --data-dir) as CSV or JSONL, straight from its segments one at a time,
 * so a year needs no more memory than one segment. It only reads, so it runs beside a live `serve`.
 * The file is written beside the target and renamed over it at the end: complete or untouched.
 * On a terminal, a progress bar on stderr shows how much of the range's segments has been read.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { historyPiecesExport } from '../core/export';
import { rangeInDir, readRangeChunks, seriesInRange } from '../core/history';
import { formatBytes } from '../shared/format';
import { HISTORY_RANGES, type HistoryRange } from '../shared/history-types';
import { parseCommandArgs, stringFlag, UsageError, type FlagSpec } from './args';
import { DATA_DIR_FLAG, historyDirOf } from './history-dir';
import type { CliIo, Command } from './io';
import { formatOf } from './record';

const FLAGS: readonly FlagSpec[] = [
  {
    name: 'range',
    short: 'r',
    value: 'RANGE',
    description: `one of ${HISTORY_RANGES.join(', ')} (required)`,
  },
  { name: 'out', short: 'o', value: 'FILE', description: 'file to write: .csv or .jsonl (required)' },
  { name: 'format', value: 'csv|jsonl', description: 'format, when the file name does not tell' },
  { name: 'series', value: 'a,b', description: 'only these series ids (default: every series in the range)' },
  DATA_DIR_FLAG,
];
const USAGE = 'nmetrics export --range 1y --out FILE.csv|FILE.jsonl [--series a,b] [--data-dir DIR]';
const SUMMARY =
  'Writes a range of the history kept by `nmetrics serve` (or in --data-dir) to a file, one row per bucket of the finest tier that spans the range: 10 s up to 24 h, 1 min up to 7 d, 15 min up to 90 d, 1 h beyond.';
const BAR = 30;

function progressLine(done: number, total: number): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * BAR);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${Math.round(share * 100)}% of ${formatBytes(total)}`;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a range of the kept history to a CSV or JSONL file',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const args = parseCommandArgs(argv, FLAGS, { usage: USAGE, summary: SUMMARY }, io.stdout);
    if (!args) return 0;
    const range = stringFlag(args, 'range');
    if (range === undefined || !(HISTORY_RANGES as readonly string[]).includes(range))
      throw new UsageError(`--range: expected one of ${HISTORY_RANGES.join(', ')}`);
    const path = stringFlag(args, 'out');
    if (path === undefined) throw new UsageError('--out FILE is required');
    const format = formatOf(path, stringFlag(args, 'format'));
    const dir = historyDirOf(args, io);
    const found = rangeInDir(dir, range as HistoryRange, Date.now());
    if (found === undefined) {
      io.stderr.write(`nmetrics export: no history in ${dir} (run \`nmetrics serve\`, or pass --data-dir)\n`);
      return 1;
    }
    const given = stringFlag(args, 'series');
    const ids = given === undefined ? seriesInRange(found) : given.split(',').filter((s) => s !== '');
    if (ids.length === 0) throw new UsageError('--series: expected at least one series id');
    const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    const chunks = readRangeChunks(found, range as HistoryRange, ids);
    let progress = { done: 0, total: 0 };
    const pieces = (function* () {
      for (const chunk of chunks) {
        progress = { done: chunk.doneBytes, total: chunk.totalBytes };
        yield chunk.result;
      }
    })();
    let rows = 0;
    let bytes = 0;
    const tmp = `${path}.${randomBytes(4).toString('hex')}.part`;
    const handle = await open(tmp, 'wx', 0o644);
    try {
      for (const text of historyPiecesExport(pieces, format, (_p, n) => (rows += n))) {
        const data = Buffer.from(text, 'utf8');
        await handle.write(data);
        bytes += data.length;
        if (tty) io.stderr.write(progressLine(progress.done, progress.total));
      }
      await handle.sync();
      await handle.close();
      await rename(tmp, path);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    if (tty) io.stderr.write(`${progressLine(progress.total, progress.total)}\n`);
    io.stdout.write(
      `nmetrics export: ${rows} rows of ${ids.length} series (${formatBytes(bytes)}) written to ${path}\n`,
    );
    return 0;
  },
};
