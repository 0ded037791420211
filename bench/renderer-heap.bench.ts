/**
 * Renderer memory under live data: 10 minutes of 1 Hz samples (600 samples, 200 processes each,
 * delivered faster than real time) into the popover and into the dashboard. The used JS heap is
 * read after a forced full GC every 60 samples; after a warm-up of 180 samples it should stay flat
 * (the sparkline ring is preallocated, the history is the engine's, not the page's).
 * Side by side in the same run: popover and dashboard (ratio of their heaps). JSON on stdout.
 */
import { syntheticSample } from '../e2e/support/synthetic-sample';
import { heapAfterGc, log, openView, round, startBenchEnv, type BenchEnv } from './renderer-support';

const NAME = 'renderer-heap';
/** HEAP_SAMPLES / HEAP_EVERY lengthen the run (e.g. 2400 / 240 for 40 simulated minutes). */
const SAMPLES = Number(process.env['HEAP_SAMPLES'] ?? 600);
const EVERY = Number(process.env['HEAP_EVERY'] ?? 60);
/** Three simulated minutes: JIT tiers, recharts' selector caches and the first history answers settle. */
const WARMUP = 180;
const PROCESSES = 200;
/** "Flat": growth after warm-up below this share of the heap (and below 1 MiB absolute). */
const FLAT_SHARE = 0.05;
const MIB = 1024 * 1024;

interface PageGlobals {
  readonly __bench: { pushFetched(): Promise<void> };
}

async function run(env: BenchEnv, view: 'popover' | 'dashboard') {
  const t0 = Date.now() - SAMPLES * 1000;
  const page = await openView(env, view, syntheticSample(0, t0, PROCESSES));
  await page.waitForTimeout(1500);
  const heap: { samples: number; mib: number }[] = [
    { samples: 0, mib: round((await heapAfterGc(page)) / MIB) },
  ];
  for (let i = 1; i <= SAMPLES; i += 1) {
    env.setSample(JSON.stringify(syntheticSample(i, t0 + i * 1000, PROCESSES)));
    await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.pushFetched());
    if (i % EVERY === 0) heap.push({ samples: i, mib: round((await heapAfterGc(page)) / MIB) });
  }
  await page.close();
  const afterWarmup = heap.filter((h) => h.samples >= WARMUP);
  const first = afterWarmup[0]?.mib ?? NaN;
  const last = afterWarmup[afterWarmup.length - 1]?.mib ?? NaN;
  const growth = last - first;
  return {
    heapMiB: heap,
    growthAfterWarmupMiB: round(growth),
    growthShare: round(growth / first, 3),
    flat: growth < Math.max(1, first * FLAT_SHARE),
  };
}

const env = await startBenchEnv();
try {
  log(NAME, 'popover...');
  const popover = await run(env, 'popover');
  log(NAME, 'dashboard...');
  const dashboard = await run(env, 'dashboard');
  const lastOf = (r: typeof popover) => r.heapMiB[r.heapMiB.length - 1]?.mib ?? NaN;
  process.stdout.write(
    JSON.stringify({
      goal: `used JS heap flat after ${WARMUP} of ${SAMPLES} samples (growth < ${FLAT_SHARE * 100} % or 1 MiB)`,
      popover,
      dashboard,
      ratioDashboardVsPopoverHeap: round(lastOf(dashboard) / lastOf(popover)),
      meetsGoal: popover.flat && dashboard.flat,
    }) + '\n',
  );
} finally {
  await env.close();
}
