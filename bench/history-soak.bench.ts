// Soak: 500,000 synthetic samples (5.8 days at 1 s) through derive → seriesOf → history, with
// process churn (new pids keep taking over series stores) and a dashboard query every 1,000
// samples. Reports heap + array buffers after a full GC at checkpoints, and the growth after
// warm-up (goal: flat). Run with --expose-gc (npm run bench does).
import { performance } from 'node:perf_hooks';
import { derive } from '../src/core/derive/derive';
import { createHistory } from '../src/core/history/history';
import type { RawSnapshot } from '../src/shared/raw';
import { round, syntheticSource } from './synthetic-snapshots';

const SAMPLES = Number(process.env['SOAK_SAMPLES'] ?? 500_000);
const WARMUP = SAMPLES / 5;
const CHECKPOINT = SAMPLES / 10;
const MB = 1e6;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc (npm run bench does)');
const used = (): number => {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const next = syntheticSource({ processes: 50, churnEvery: 3 });
const history = createHistory({ now: () => 0 });
const checkpoints: { samples: number; mb: number }[] = [];
let prev: RawSnapshot | undefined;
let queried = 0;
const start = performance.now();
for (let i = 1; i <= SAMPLES; i++) {
  const cur = next(i);
  history.push(derive(prev, cur));
  prev = cur;
  if (i % 1000 === 0) {
    const ids = history
      .listSeries()
      .slice(0, 5)
      .map((s) => s.id);
    queried += history.query({ series: ids, range: '1h', maxPoints: 600 }).series.length;
  }
  if (i % CHECKPOINT === 0) {
    checkpoints.push({ samples: i, mb: round(used() / MB, 2) });
    process.stderr.write(`soak: ${i} samples\n`);
  }
}
const seconds = (performance.now() - start) / 1000;
const afterWarmup = checkpoints.find((c) => c.samples >= WARMUP)!;
const last = checkpoints.at(-1)!;
const stats = history.stats();
process.stdout.write(
  JSON.stringify({
    samples: SAMPLES,
    seconds: round(seconds, 1),
    seriesHeld: stats.series,
    seriesEvicted: stats.evicted,
    seriesRefused: stats.refused,
    queries: queried,
    checkpoints,
    growthAfterWarmupMB: round(last.mb - afterWarmup.mb, 2),
    growthPer100kSamplesMB: round(
      ((last.mb - afterWarmup.mb) / (last.samples - afterWarmup.samples)) * 100_000,
      3,
    ),
  }) + '\n',
);
