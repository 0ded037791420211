// Memory of 7 days of history for 200 series (issue 5 goal: ≤ 48 MB), measured as the growth of
// heapUsed + arrayBuffers after a full GC, with the same for NaiveHistory (objects in arrays) side by
// side; plus the saved file's size and save/load times. Run with --expose-gc (npm run bench does).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHistory, DEFAULT_TIERS, type History, type HistoryPoint } from '../src/core/history/history';
import { loadHistory } from '../src/core/history/load';
import { NaiveHistory } from './naive-history';
import { round } from './synthetic-snapshots';

const SERIES = 200;
const T_END = Date.UTC(2026, 0, 8);
const MB = 1e6;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc (npm run bench does)');

function used(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const ids = Array.from({ length: SERIES }, (_, k) => `thermal.sensor${k}`);

function points(step: number): HistoryPoint[] {
  return ids.map((id, k) => ({ id, label: id, unit: '°C', value: 40 + ((step * 7 + k) % 50) }));
}

/** Fills every tier: 7 days at 1 min, then the last day at 10 s, then the last hour at 1 s. */
function fill(history: History): void {
  let step = 0;
  for (let t = T_END - 7 * 86_400_000; t < T_END - 86_400_000; t += 60_000)
    history.pushPoints(t, points(step++));
  for (let t = T_END - 86_400_000; t < T_END - 3_600_000; t += 10_000) history.pushPoints(t, points(step++));
  for (let t = T_END - 3_600_000; t <= T_END; t += 1_000) history.pushPoints(t, points(step++));
}

function measure(days: number) {
  const before = used();
  const history = createHistory({ days, now: () => T_END });
  fill(history);
  const after = used();
  return { history, mb: (after - before) / MB };
}

const week = measure(7);
const dir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
const path = join(dir, 'history.bin');
let a = performance.now();
await week.history.save(path);
const saveMs = performance.now() - a;
const fileMB = statSync(path).size / MB;
a = performance.now();
const loaded = await loadHistory(path, { now: () => T_END });
const loadMs = performance.now() - a;
if (!loaded.restored) throw new Error(`restore failed: ${loaded.problem}`);
rmSync(dir, { recursive: true });
const weekStats = week.history.stats();
const perSeriesBytes = week.history.seriesBytes();
week.history = undefined as never;

const oneDay = measure(1);
const oneDayMB = oneDay.mb;
oneDay.history = undefined as never;

// The alternative: every bucket of every tier as a JS object, tiers filled to capacity.
const beforeNaive = used();
const naive = new NaiveHistory();
DEFAULT_TIERS.forEach((spec, tier) => naive.fill(ids, tier, spec.capacity));
const naiveMB = (used() - beforeNaive) / MB;
if (naive === undefined) throw new Error('unreachable: keeps the naive history alive until measured');

process.stdout.write(
  JSON.stringify({
    series: SERIES,
    sevenDays: {
      measuredMB: round(week.mb, 1),
      measuredMiB: round((week.mb * MB) / 2 ** 20, 1),
      typedArrayMB: round(weekStats.bytes / MB, 1),
      perSeriesBytes,
    },
    oneDay: { measuredMB: round(oneDayMB, 1) },
    naiveSevenDaysMB: round(naiveMB, 1),
    ratioNaiveOverOurs: round(naiveMB / week.mb, 2),
    file: { sizeMB: round(fileMB, 1), saveMs: round(saveMs, 0), loadMs: round(loadMs, 0) },
    goalMB: 48,
    meetsGoal: week.mb <= 48,
  }) + '\n',
);
