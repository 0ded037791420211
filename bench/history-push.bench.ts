// derive + history push per sample, 500 processes and ~200 series (issue 5 goal: ≤ 0.2 ms median).
// Side by side in the same run: the same pushes into NaiveHistory (objects in arrays), reported as
// a ratio. Prints one JSON document.
import { performance } from 'node:perf_hooks';
import { derive } from '../src/core/derive/derive';
import { createHistory } from '../src/core/history/history';
import { seriesOf } from '../src/core/history/series';
import type { RawSnapshot } from '../src/shared/raw';
import { NaiveHistory } from './naive-history';
import { round, stats, syntheticSource } from './synthetic-snapshots';

const WARMUP = 1_000;
const SAMPLES = 4_000;

const next = syntheticSource({ processes: 500, churnEvery: 7 });

const history = createHistory();
const naive = new NaiveHistory();
const total: number[] = [];
const deriveMs: number[] = [];
const seriesOfMs: number[] = [];
const pushMs: number[] = [];
const naivePushMs: number[] = [];
let seriesPerSample = 0;

let prev: RawSnapshot | undefined;
for (let i = 0; i < WARMUP + SAMPLES; i++) {
  // Made outside the timed part; made one at a time so the heap stays that of a running app.
  const cur = next(i);
  const a = performance.now();
  const sample = derive(prev, cur);
  const b = performance.now();
  const points = seriesOf(sample);
  const b2 = performance.now();
  history.pushPoints(sample.t, points);
  const c = performance.now();
  naive.pushPoints(sample.t, points);
  const d = performance.now();
  if (i >= WARMUP) {
    total.push(c - a);
    deriveMs.push(b - a);
    seriesOfMs.push(b2 - b);
    pushMs.push(c - b2);
    naivePushMs.push(d - c);
    seriesPerSample = points.length;
  }
  prev = cur;
}

const t = stats(total);
const push = stats(pushMs);
const naivePush = stats(naivePushMs);
process.stdout.write(
  JSON.stringify({
    samples: SAMPLES,
    processes: 500,
    seriesPerSample,
    seriesHeld: history.stats().series,
    deriveAndPushMs: { median: round(t.median), p95: round(t.p95) },
    deriveMs: { median: round(stats(deriveMs).median) },
    seriesOfMs: { median: round(stats(seriesOfMs).median) },
    historyPushMs: { median: round(push.median), p95: round(push.p95) },
    naiveHistoryPushMs: { median: round(naivePush.median), p95: round(naivePush.p95) },
    pushRatioNaiveOverOurs: round(naivePush.median / push.median, 2),
    goalMedianMs: 0.2,
    meetsGoal: t.median <= 0.2,
  }) + '\n',
);
