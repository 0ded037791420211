/** CPU section: usage shares from tick deltas, cumulative seconds, clusters (DESIGN.md §3). */
import type { RawCpu, RawCpuTicks } from '../../shared/raw';
import type { ClusterSample, CoreSample, CpuSample, CpuUsage } from '../../shared/sample';
import { counterDelta, counterRate } from './rate';
import { residencyShare } from './residency';

const MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
type Mode = (typeof MODES)[number];
type Seconds = Record<Mode, number>;

/**
 * Per-mode tick increases over the interval, or undefined when any counter went backwards (CPU
 * hot-plug resets a core's counters). `wrap` is the counters' roll-over value (RawCpu.tickWrap):
 * with it, one roll-over is undone instead of read as a reset.
 */
function tickDeltas(prev: RawCpuTicks, cur: RawCpuTicks, wrap?: number): number[] | undefined {
  const deltas = new Array<number>(MODES.length);
  for (let i = 0; i < MODES.length; i++) {
    const mode = MODES[i] as Mode;
    const d = counterDelta(prev[mode], cur[mode], wrap);
    if (d === undefined) return undefined;
    deltas[i] = d;
  }
  return deltas;
}

function usageOf(deltas: readonly number[]): CpuUsage | undefined {
  const total = deltas.reduce((a, b) => a + b, 0);
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

/**
 * Shares of each mode over the interval. Undefined when any counter went backwards (see
 * tickDeltas) or no tick elapsed.
 */
export function cpuUsage(
  prev: RawCpuTicks | undefined,
  cur: RawCpuTicks,
  wrap?: number,
): CpuUsage | undefined {
  if (!prev) return undefined;
  const deltas = tickDeltas(prev, cur, wrap);
  return deltas ? usageOf(deltas) : undefined;
}

/**
 * The whole machine's usage. Where the per-core counters wrap (RawCpu.tickWrap), the total is the
 * sum of the per-core deltas: a total summed from 32-bit counters drops by 2^32 whenever one core
 * rolls over. Otherwise the total counters are used (Linux's "cpu" line).
 */
function totalUsage(prev: RawCpu | undefined, cur: RawCpu): CpuUsage | undefined {
  if (!prev) return undefined;
  const wrap = cur.tickWrap;
  if (wrap === undefined || prev.cores.length !== cur.cores.length || cur.cores.length === 0)
    return cpuUsage(prev.total, cur.total);
  const sum = new Array<number>(MODES.length).fill(0);
  for (let id = 0; id < cur.cores.length; id++) {
    const before = prev.cores[id];
    const after = cur.cores[id];
    const deltas = before && after ? tickDeltas(before, after, wrap) : undefined;
    if (!deltas) return undefined;
    deltas.forEach((d, i) => (sum[i] = (sum[i] ?? 0) + d));
  }
  return usageOf(sum);
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
    const usage = cpuUsage(samePrevCores?.[id], ticks, cur.tickWrap);
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
  const usage = totalUsage(prev, cur);
  if (usage) out.usage = usage;
  const clusters = clustersOf(prev, cur);
  if (clusters) out.clusters = clusters;
  if (cur.rosetta !== undefined) out.rosetta = cur.rosetta;
  addSchedulerCounters(out, prev, cur, seconds);
  return out;
}
