// Durable history (issue 14) against today's whole-file design (file.ts, saved every 5 min), in one
// run, at 200 series:
// - bytes written per simulated day: segments (2 s sampling, the tray default) vs 288 whole-file
//   saves of a full 7-day history (goal ≤ 25 MB/day), and what one clean exit adds (the 1 s tier);
// - a fresh process opening a full year (goal: resident growth ≤ 64 MB, load ≤ 300 ms) vs one
//   loading the 7-day file; both measured in child processes so nothing else sits in their heap;
// - a 1 y query decimated to 1,000 points (goal ≤ 50 ms) vs a 7 d query of the whole-file history:
//   the median of 7 queries of different series, and the first one alone (it also checksums every
//   segment it reads; later ones trust what this process already checked, disk-reader.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHistory, type HistoryPoint } from '../src/core/history/history';
import { loadHistory } from '../src/core/history/load';
import { openHistory } from '../src/core/history/open';
import type { HistoryRange } from '../src/shared/history-types';
import { round } from './synthetic-snapshots';

const SERIES = 200;
const T_END = Date.UTC(2027, 0, 1);
const DAY = 86_400_000;
const MB = 1e6;
/** main.ts saved the whole file every 5 minutes before issue 14 (HISTORY_SAVE_MS). */
const SAVES_PER_DAY = 288;
// Not all `thermal.*`: the store keeps at most 64 sensor series (store.ts DEFAULT_MAX_SENSOR_SERIES),
// so 200 sensor ids measured a history of 64 live series. Per-core CPU series have no quota.
const ids = Array.from({ length: SERIES }, (_, k) => `cpu.core.${k}.busy`);
/**
 * Sensor-like values with noise in the low digits (a Knuth multiplicative hash of step and series),
 * so gzip finds what it would in real readings rather than a short repeating pattern.
 */
const points = (step: number): HistoryPoint[] =>
  ids.map((id, k) => ({
    id,
    label: id,
    unit: '%',
    value: 40 + (((step * 2_654_435_761 + k * 40_503) >>> 0) % 100_000) / 2_000,
  }));

interface Pushable {
  pushPoints(t: number, p: readonly HistoryPoint[]): void;
}

/** Pushes from `from` to `to` every `step` ms. */
function run(h: Pushable, from: number, to: number, step: number, counter: { n: number }): void {
  for (let t = from; t < to; t += step) h.pushPoints(t, points(counter.n++));
}

/** Fills every tier of a year: hours, then 15 min for 90 d, minutes for 7 d, 10 s for a day, 1 s for an hour. */
function fillYear(h: Pushable): void {
  const c = { n: 0 };
  run(h, T_END - 365 * DAY, T_END - 90 * DAY, 3_600_000, c);
  run(h, T_END - 90 * DAY, T_END - 7 * DAY, 900_000, c);
  run(h, T_END - 7 * DAY, T_END - DAY, 60_000, c);
  run(h, T_END - DAY, T_END - 3_600_000, 10_000, c);
  run(h, T_END - 3_600_000, T_END, 1_000, c);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Child mode: open (or load) the history, report resident growth, load time and query time. */
async function measure(kind: 'durable' | 'file', path: string, range: HistoryRange): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().rss;
  const a = performance.now();
  const history =
    kind === 'durable'
      ? await openHistory({ dir: path, days: 365, now: () => T_END })
      : (await loadHistory(path, { now: () => T_END })).history;
  const loadMs = performance.now() - a;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const q = performance.now();
    const r = history.query({ series: [ids[i]!], range, maxPoints: 1000 });
    times.push(performance.now() - q);
    if (r.series[0]!.t.length === 0) throw new Error(`${kind}: empty ${range} query`);
  }
  // The same query as `history:query` answers it (queryAsync): its time, and the longest the event
  // loop waited between two turns meanwhile (the synchronous query holds it for the whole query).
  let asyncMs = 0;
  let stallMs = 0;
  if (kind === 'durable') {
    const q = performance.now();
    let last = q;
    let settled = false;
    // A turn after the query settled (the gc() below runs before it) is not the query's.
    const turn = (): void => {
      if (settled) return;
      const t = performance.now();
      stallMs = Math.max(stallMs, t - last);
      last = t;
      setImmediate(turn);
    };
    setImmediate(turn);
    await history.queryAsync({ series: [ids[7]!], range, maxPoints: 1000 });
    settled = true;
    asyncMs = performance.now() - q;
    stallMs = Math.max(stallMs, performance.now() - last);
  }
  gc();
  const rss = process.memoryUsage().rss - before;
  const firstQueryMs = times[0]!;
  if (kind === 'durable') await (history as Awaited<ReturnType<typeof openHistory>>).close();
  process.stdout.write(
    JSON.stringify({
      rssGrowthMB: round(rss / MB, 1),
      loadMs: round(loadMs, 0),
      queryMs: round(median(times), 1),
      firstQueryMs: round(firstQueryMs, 1),
      liveSeries: history.stats().series,
      ...(kind === 'durable' ? { asyncQueryMs: round(asyncMs, 1), asyncLoopStallMs: round(stallMs, 1) } : {}),
    }),
  );
}

function child(
  kind: string,
  path: string,
  range: string,
): {
  rssGrowthMB: number;
  loadMs: number;
  queryMs: number;
  firstQueryMs: number;
  liveSeries: number;
  asyncQueryMs?: number;
  asyncLoopStallMs?: number;
} {
  const r = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, 'measure', kind, path, range], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${kind} measurement failed (${r.status})`);
  return JSON.parse(r.stdout) as ReturnType<typeof child>;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bench-durable-'));
  try {
    // 1. A simulated day of 2 s samples into segments.
    const dayDir = join(dir, 'day');
    const day = await openHistory({ dir: dayDir, days: 365, now: () => T_END });
    run(day, T_END - DAY, T_END, 2_000, { n: 0 });
    const segmentBytes = day.bytesWritten();
    await day.close();
    // At a clean exit: the close records and the 1 s tier's last hour, once (fine-snapshot.ts).
    const exitBytes = day.bytesWritten() - segmentBytes;

    // 2. Today's design: a full 7-day history saved whole, 288 times a day.
    const week = createHistory({ days: 7, now: () => T_END });
    fillYear({ pushPoints: (t, p) => t >= T_END - 7 * DAY && week.pushPoints(t, p) });
    const file = join(dir, 'history.dmh');
    await week.save(file);
    const fileBytes = statSync(file).size;

    // 3. A full year on disk.
    const yearDir = join(dir, 'year');
    const year = await openHistory({ dir: yearDir, days: 365, now: () => T_END });
    fillYear(year);
    await year.close();

    const durable = child('durable', yearDir, '1y');
    const whole = child('file', file, '7d');
    const perDayMB = segmentBytes / MB;
    const wholePerDayMB = (fileBytes * SAVES_PER_DAY) / MB;
    process.stdout.write(
      JSON.stringify({
        series: SERIES,
        bytesPerDay: {
          segmentsMB: round(perDayMB, 1),
          wholeFileMB: round(wholePerDayMB, 1),
          wholeFileSizeMB: round(fileBytes / MB, 1),
          ratioWholeOverSegments: round(wholePerDayMB / perDayMB, 1),
          perCleanExitMB: round(exitBytes / MB, 2),
          goalMB: 25,
          meetsGoal: perDayMB <= 25,
        },
        openFullYear: { ...durable, goalRssMB: 64, goalLoadMs: 300, goalQueryMs: 50 },
        loadSevenDayFile: whole,
        meetsGoals:
          perDayMB <= 25 && durable.rssGrowthMB <= 64 && durable.loadMs <= 300 && durable.queryMs <= 50,
      }) + '\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'measure')
  await measure(process.argv[3] as 'durable' | 'file', process.argv[4]!, process.argv[5] as HistoryRange);
else await main();
