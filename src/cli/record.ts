/**
 * `nmetrics record --out FILE.csv|FILE.jsonl`: appends one row per sample and writes it through at
 * once. On a terminal a status line shows rows, elapsed time and file size. Ctrl-C ends cleanly;
 * a full disk or an unwritable path stops with a clear error and leaves the rows written valid.
 */
import { extname } from 'node:path';
import { SampleCsv } from '../core/export';
import { jsonlLine } from '../core/export';
import { isRecordingName } from '../shared/recording-files';
import { formatBytes, formatDuration } from '../shared/format';
import { SECTIONS } from '../shared/sections';
import { durationFlag, parseCommandArgs, sectionsFlag, stringFlag, UsageError, type FlagSpec } from './args';
import { openPoller } from './engine';
import { closePoller } from './shutdown';
import type { CliIo, Command } from './io';
import { RowFile, RowFileError } from './record-file';

const FLAGS: readonly FlagSpec[] = [
  { name: 'out', short: 'o', value: 'FILE', description: 'file to append to: .csv or .jsonl (required)' },
  { name: 'format', value: 'csv|jsonl', description: 'format, when the file name does not tell' },
  { name: 'interval', short: 'i', value: 'DURATION', description: 'time between samples (default 1s)' },
  {
    name: 'duration',
    short: 'd',
    value: 'DURATION',
    description: 'stop after this long (default: until Ctrl-C)',
  },
  { name: 'sections', value: 'a,b', description: 'only these sections (default all)' },
];
const USAGE =
  'nmetrics record --out FILE.csv|FILE.jsonl [--interval 1s] [--duration 1h] [--sections a,b] [--root DIR]';
const SUMMARY =
  'Appends one row per sample to FILE. A CSV file gets a header from its first sample (columns then stay fixed); appending to a CSV with another header is refused. Processes fill rank columns: process.1.* is the busiest. Every section is read on every sample.';

export function formatOf(path: string, given: string | undefined): 'csv' | 'jsonl' {
  const f =
    given ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : isRecordingName(path) ? 'jsonl' : undefined);
  if (f !== 'csv' && f !== 'jsonl')
    throw new UsageError(
      given === undefined
        ? `--out: cannot tell the format of "${path}"; name it .csv or .jsonl, or pass --format`
        : `--format: expected csv or jsonl, got "${given}"`,
    );
  return f;
}

export const recordCommand: Command = {
  name: 'record',
  summary: 'append samples to a CSV or JSONL file',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const args = parseCommandArgs(argv, FLAGS, { usage: USAGE, summary: SUMMARY }, io.stdout);
    if (!args) return 0;
    const path = stringFlag(args, 'out');
    if (path === undefined) throw new UsageError('--out FILE is required');
    const format = formatOf(path, stringFlag(args, 'format'));
    const intervalMs = durationFlag(args, 'interval', 1000);
    const durationText = stringFlag(args, 'duration');
    const durationMs = durationText === undefined ? undefined : durationFlag(args, 'duration', 0, 1);
    const sections = sectionsFlag(args) ?? [...SECTIONS];

    // The engine first: a bad --root must not leave an empty file behind.
    const stop = new AbortController();
    const poller = openPoller(args, io, intervalMs, stop.signal, true);
    let file: RowFile;
    try {
      file = RowFile.open(path);
    } catch (e) {
      await closePoller(poller, io);
      io.stderr.write(`nmetrics record: ${(e as Error).message}\n`);
      return 1;
    }
    io.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const timer = durationMs === undefined ? undefined : setTimeout(() => stop.abort(), durationMs);
    const csv = new SampleCsv();
    const started = Date.now();
    const tty = io.stdout.isTTY === true;
    let status = 0;
    let samples = 0;
    try {
      for await (const sample of poller.samples(sections, { signal: stop.signal })) {
        if (format === 'csv' && csv.columnNames === undefined) {
          const header = csv.header(sample);
          const existing = file.firstLine();
          if (existing === '') file.append(header);
          else if (existing !== header) {
            io.stderr.write(
              `nmetrics record: ${path} already holds CSV with other columns; choose a new file\n`,
            );
            status = 1;
            break;
          }
        }
        file.append(format === 'csv' ? csv.row(sample) : jsonlLine(sample));
        samples++;
        if (tty) {
          const elapsed = formatDuration((Date.now() - started) / 1000);
          io.stdout.write(`\r\u001b[K${samples} samples  ${elapsed}  ${formatBytes(file.bytes)}  ${path}`);
        }
      }
    } catch (e) {
      if (!(e instanceof RowFileError)) throw e;
      io.stderr.write(`${tty ? '\n' : ''}nmetrics record: ${e.message}\n`);
      status = 1;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      stop.abort();
      await closePoller(poller, io);
      file.close();
    }
    if (tty) io.stdout.write('\n');
    if (status === 0) io.stderr.write(`nmetrics record: ${samples} sample(s) written to ${path}\n`);
    return status;
  },
};
