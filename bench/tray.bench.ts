/**
 * Idle cost of the menu-bar app: CPU time of the main-process pipeline per tray tick with every
 * window hidden, using the real native sampler on this machine. One tick = read the tray's sections
 * + derive + history push + alert evaluation + glance title and tooltip (what src/main/engine/pipeline.ts
 * and tray.ts do, minus Electron's native setTitle call). Goal (issue 7): ≤ 0.3 ms.
 *
 * Side by side, in the same run: the same tick reading the sections the default alert rules add,
 * and reading every section (what an app without demand-driven sampling would pay each tick).
 * CPU time is process.cpuUsage() (all threads, so the addon's worker thread counts). JSON on stdout.
 */
import { performance } from 'node:perf_hooks';
import { createAlertEngine } from '../src/core/alerts/engine';
import { derive } from '../src/core/derive/derive';
import { createHistory } from '../src/core/history/history';
import { createSampler } from '../src/core/sampler/sampler';
import { seriesOf } from '../src/core/history/series';
import { glanceSections, glanceTitle, glanceTooltip } from '../src/shared/glance-title';
import { alertSections } from '../src/main/engine/pipeline';
import type { RawSnapshot } from '../src/shared/raw';
import { SECTIONS } from '../src/shared/sections';
import type { SectionName } from '../src/shared/sections';
import { DEFAULT_SETTINGS } from '../src/shared/settings';

const GOAL_US = 300;
const RUNS = 400;
const WARMUP = 20;
const log = (msg: string) => console.error(`tray bench: ${msg}`);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Result {
  readonly sections: readonly SectionName[];
  readonly runs: number;
  readonly cpuUsPerTick: { readonly median: number; readonly p90: number; readonly mean: number };
  readonly wallUsPerTick: number;
  /** Share of the tick spent in the native read (sample()), by CPU. */
  readonly sampleShare: number;
}

async function tickCost(sections: readonly SectionName[]): Promise<Result> {
  const sampler = createSampler();
  const history = createHistory({ days: 1, seriesOf: (s) => seriesOf(s) });
  const alerts = createAlertEngine(DEFAULT_SETTINGS.alerts);
  const { glanceItems, temperatureUnit } = DEFAULT_SETTINGS;
  let prev: RawSnapshot | undefined;
  let title = '';
  const cpu: number[] = [];
  const sampleCpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    const raw = await sampler.sample(sections);
    const c1 = process.cpuUsage(c0);
    const sample = derive(prev, raw);
    prev = raw;
    history.push(sample);
    alerts.evaluate(sample);
    title = glanceTitle(sample, glanceItems, temperatureUnit);
    glanceTooltip(sample, temperatureUnit);
    const c2 = process.cpuUsage(c0);
    if (i >= WARMUP) {
      cpu.push(c2.user + c2.system);
      sampleCpu.push(c1.user + c1.system);
      wall.push((performance.now() - w0) * 1000);
    }
  }
  await sampler.close();
  log(`${sections.join(',')}: title "${title}"`);
  const sorted = [...cpu].sort((a, b) => a - b);
  const total = cpu.reduce((a, b) => a + b, 0);
  return {
    sections,
    runs: RUNS,
    cpuUsPerTick: {
      median: round(median(cpu)),
      p90: round(sorted[Math.floor(sorted.length * 0.9)]!),
      mean: round(total / cpu.length),
    },
    wallUsPerTick: round(median(wall)),
    sampleShare: round(sampleCpu.reduce((a, b) => a + b, 0) / total, 2),
  };
}

async function main(): Promise<void> {
  const tray = glanceSections(DEFAULT_SETTINGS.glanceItems);
  const withAlerts = SECTIONS.filter(
    (s) => tray.includes(s) || alertSections(DEFAULT_SETTINGS.alerts).includes(s),
  );
  log('tray sections only');
  const trayOnly = await tickCost(tray);
  log('tray + default alert sections');
  const trayAndAlerts = await tickCost(withAlerts);
  log('every section (no demand-driven sampling)');
  const everything = await tickCost(SECTIONS);
  const m = (r: Result) => r.cpuUsPerTick.median;
  console.log(
    JSON.stringify(
      {
        goalUsPerTick: GOAL_US,
        trayOnly,
        trayAndAlerts,
        everySection: everything,
        ratios: {
          trayAndAlertsVsTrayOnly: round(m(trayAndAlerts) / m(trayOnly), 2),
          everySectionVsTrayOnly: round(m(everything) / m(trayOnly), 2),
          trayOnlyVsGoal: round(m(trayOnly) / GOAL_US, 2),
          trayAndAlertsVsGoal: round(m(trayAndAlerts) / GOAL_US, 2),
        },
        meetsGoal: { trayOnly: m(trayOnly) <= GOAL_US, trayAndAlerts: m(trayAndAlerts) <= GOAL_US },
        // Every 2 s at idle: CPU share of one core the tray costs.
        idleCpuPercentAt2s: round((m(trayAndAlerts) / 2_000_000) * 100, 4),
      },
      null,
      2,
    ),
  );
}

void main();
