/** `nmetrics push --influx URL --db NAME`: InfluxDB line protocol, batched, retried, bounded. */
import { createInfluxWriter } from '../core/export';
import { sampleInflux } from '../core/export';
import { SECTIONS } from '../shared/sections';
import {
  durationFlag,
  intFlag,
  parseCommandArgs,
  sectionsFlag,
  stringFlag,
  UsageError,
  type FlagSpec,
} from './args';
import { openPoller } from './engine';
import { closePoller, LAST_WRITE_MS } from './shutdown';
import type { CliIo, Command } from './io';

export const PUSH_FLAGS: readonly FlagSpec[] = [
  {
    name: 'influx',
    value: 'URL',
    description: 'InfluxDB 1.x base URL, e.g. http://127.0.0.1:8086 (required)',
  },
  { name: 'db', value: 'NAME', description: 'database (required)' },
  { name: 'interval', short: 'i', value: 'DURATION', description: 'time between samples (default 10s)' },
  { name: 'flush', value: 'DURATION', description: 'time between writes (default: the interval)' },
  {
    name: 'duration',
    short: 'd',
    value: 'DURATION',
    description: 'stop after this long (default: until Ctrl-C)',
  },
  { name: 'sections', value: 'a,b', description: 'only these sections (default all)' },
  {
    name: 'buffer',
    value: 'N',
    description: 'most lines held while InfluxDB is unreachable (default 100000)',
  },
  { name: 'top-processes', value: 'N', description: 'processes written per sample (default 10)' },
];
const USAGE = 'nmetrics push --influx URL --db NAME [--interval 10s] [--sections a,b] [--root DIR]';
const SUMMARY =
  'Writes samples to InfluxDB 1.x as line protocol (env INFLUX_USERNAME / INFLUX_PASSWORD for auth). Failed writes are retried with backoff; when the buffer is full the oldest lines are dropped and counted.';

export const pushCommand: Command = {
  name: 'push',
  summary: 'send samples to InfluxDB',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const args = parseCommandArgs(argv, PUSH_FLAGS, { usage: USAGE, summary: SUMMARY }, io.stdout);
    if (!args) return 0;
    const url = stringFlag(args, 'influx');
    const db = stringFlag(args, 'db');
    if (url === undefined) throw new UsageError('--influx URL is required');
    if (db === undefined) throw new UsageError('--db NAME is required');
    const intervalMs = durationFlag(args, 'interval', 10_000);
    const flushMs = durationFlag(args, 'flush', intervalMs);
    const durationMs =
      stringFlag(args, 'duration') === undefined ? undefined : durationFlag(args, 'duration', 0, 1);
    const sections = sectionsFlag(args) ?? [...SECTIONS];
    const topProcesses = intFlag(args, 'top-processes', 10, 0, 1000);
    let writer;
    try {
      writer = createInfluxWriter({
        url,
        db,
        maxBufferLines: intFlag(args, 'buffer', 100_000, 1, 10_000_000),
        ...(io.env.INFLUX_USERNAME
          ? { username: io.env.INFLUX_USERNAME, password: io.env.INFLUX_PASSWORD ?? '' }
          : {}),
        onEvent: (e) => {
          if (e.kind === 'retry')
            io.stderr.write(`nmetrics push: write failed (${e.error}); retrying in ${e.delayMs} ms\n`);
          else if (e.kind === 'rejected')
            io.stderr.write(`nmetrics push: InfluxDB rejected ${e.lines} line(s): ${e.error}\n`);
          else
            io.stderr.write(
              `nmetrics push: buffer full, dropped ${e.lines} oldest line(s) (${e.totalDropped} in all)\n`,
            );
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message, { cause: e });
    }
    const stop = new AbortController();
    io.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const timer = durationMs === undefined ? undefined : setTimeout(() => stop.abort(), durationMs);
    const poller = openPoller(args, io, intervalMs, stop.signal, true);
    let lastFlush = Date.now();
    try {
      for await (const sample of poller.samples(sections, { signal: stop.signal })) {
        writer.add(sampleInflux(sample, { topProcesses }));
        if (Date.now() - lastFlush >= flushMs - 1) {
          lastFlush = Date.now();
          // Not awaited: sampling goes on while a slow or down server is retried.
          void writer.flush(stop.signal);
        }
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      await closePoller(poller, io);
    }
    // A last attempt for what is buffered, bounded to fit in the shutdown grace after Ctrl-C.
    const last = new AbortController();
    const lastTimer = setTimeout(() => last.abort(), LAST_WRITE_MS);
    // The first call may only join the sampling loop's flush, which the stop signal already ended.
    await writer.flush(last.signal);
    await writer.flush(last.signal);
    clearTimeout(lastTimer);
    const s = writer.stats();
    io.stderr.write(
      `nmetrics push: ${s.written} line(s) written, ${s.dropped} dropped, ${s.rejected} rejected, ${s.buffered} unsent\n`,
    );
    return s.dropped + s.rejected + s.buffered > 0 ? 1 : 0;
  },
};
