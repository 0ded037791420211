/** CPU section: usage shares from tick deltas, cumulative seconds, clusters (DESIGN.md §3). */
import type { RawCpu, RawCpuTicks } from '../../shared/raw';
import type { ClusterSample, CoreSample, CpuSample, CpuUsage } from '../../shared/sample';
import { counterDelta, counterRate } from './rate';
import { residencyShare } from './residency';

const MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
type Mode = (typeof MODES)[number];
type Seconds = Record<Mode, number>;

/**
 * Shares of each mode over the interval. Undefined when any counter went backwards (CPU hot-plug
 * resets a core's counters; macOS 32-bit tick counters wrap) or no tick elapsed.
 */
export function cpuUsage(prev: RawCpuTicks | undefined, cur: RawCpuTicks): CpuUsage | undefined {
  if (!prev) return undefined;
  const deltas = new Array<number>(MODES.length);
  let total = 0;
  for (let i = 0; i < MODES.length; i++) {
    const mode = MODES[i] as Mode;
    const d = counterDelta(prev[mode], cur[mode]);
    if (d === undefined) return undefined;
    deltas[i] = d;
    total += d;
  }
  if (!(total > 0)) return undefined;
  const pct = (i: number): number => ((deltas[i] ?? 0) / total) * 100;
  const idle = pct(3);
  const iowait = pct(4);
  return {
    user: pct(0),
    nice: pct(1),
    system: pct(2),
    idle,
    iowait,
    irq: pct(5),
    softirq: pct(6),
    steal: pct(7),
    // proc(5): iowait is idle time spent waiting for I/O, so it does not count as busy.
    busy: Math.max(0, 100 - idle - iowait),
  };
}

function secondsOf(ticks: RawCpuTicks, hz: number): Seconds {
  const out = {} as Seconds;
  for (const mode of MODES) out[mode] = ticks[mode] / hz;
  return out;
}

function perfLevelOf(cpu: RawCpu, id: number): number | undefined {
  const index = cpu.perfLevels.findIndex((level) => level.cpus?.includes(id) === true);
  return index >= 0 ? index : undefined;
}

function clustersOf(prev: RawCpu | undefined, cur: RawCpu): ClusterSample[] | undefined {
  if (!cur.clusters) return undefined;
  const before = new Map((prev?.clusters ?? []).map((c) => [c.name, c]));
  return cur.clusters.map((cluster) => {
    const old = before.get(cluster.name);
    const share = old ? residencyShare(old, cluster) : undefined;
    const out: { name: string; mhz?: number; activePercent?: number } = { name: cluster.name };
    if (share?.mhz !== undefined) out.mhz = share.mhz;
    if (share) out.activePercent = share.activePercent;
    return out;
  });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Scheduler counters: cumulative totals as read, and their rates over the interval. */
function addSchedulerCounters(
  out: Mutable<CpuSample>,
  prev: RawCpu | undefined,
  cur: RawCpu,
  seconds: number | undefined,
): void {
  if (cur.contextSwitches !== undefined) {
    out.contextSwitchesTotal = cur.contextSwitches;
    const rate = counterRate(prev?.contextSwitches, cur.contextSwitches, seconds);
    if (rate !== undefined) out.contextSwitchesPerSec = rate;
  }
  if (cur.interrupts !== undefined) {
    out.interruptsTotal = cur.interrupts;
    const rate = counterRate(prev?.interrupts, cur.interrupts, seconds);
    if (rate !== undefined) out.interruptsPerSec = rate;
  }
}

/**
 * Derives the CPU section. `seconds` is the real time between the two snapshots (for the scheduler
 * rates). Throws (becoming a section error) on a tick rate that is not positive.
 */
export function deriveCpu(prev: RawCpu | undefined, cur: RawCpu, seconds?: number): CpuSample {
  const hz = cur.ticksPerSecond;
  if (!(hz > 0) || !Number.isFinite(hz))
    throw new RangeError(`cpu.ticksPerSecond must be positive, got ${hz}`);
  // Per-core deltas need the same core list: a changed count (hot-plug) gives no per-core usage.
  const samePrevCores = prev && prev.cores.length === cur.cores.length ? prev.cores : undefined;
  const coreSeconds = cur.cores.map((ticks) => secondsOf(ticks, hz));
  const cores: CoreSample[] = cur.cores.map((ticks, id) => {
    const core: Mutable<CoreSample> = { id };
    const modeSeconds = coreSeconds[id];
    if (modeSeconds) core.secondsTotal = modeSeconds;
    const usage = cpuUsage(samePrevCores?.[id], ticks);
    if (usage) core.usage = usage;
    const mhz = cur.coreMhz?.[id];
    if (mhz !== undefined && mhz !== null && Number.isFinite(mhz)) core.mhz = mhz;
    const level = perfLevelOf(cur, id);
    if (level !== undefined) core.perfLevel = level;
    return core;
  });
  const out: Mutable<CpuSample> = {
    model: cur.model,
    arch: cur.arch,
    physicalCores: cur.physicalCores,
    logicalCores: cur.logicalCores,
    perfLevels: cur.perfLevels,
    loadAvg: cur.loadAvg,
    cores,
    secondsTotal: secondsOf(cur.total, hz),
    coreSecondsTotal: coreSeconds,
  };
  if (cur.vendor !== undefined) out.vendor = cur.vendor;
  const usage = cpuUsage(prev?.total, cur.total);
  if (usage) out.usage = usage;
  const clusters = clustersOf(prev, cur);
  if (clusters) out.clusters = clusters;
  if (cur.rosetta !== undefined) out.rosetta = cur.rosetta;
  addSchedulerCounters(out, prev, cur, seconds);
  return out;
}
