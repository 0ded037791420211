/** Processes section: per-process CPU % (100 % = one core), memory %, disk bytes/s. */
import type { RawProcesses } from '../../shared/raw';
import type { ProcessSample, ProcessesSample } from '../../shared/sample';
import { SHARE_OVERSHOOT, counterRate } from './rate';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Two readings belong to the same process when pid and start time agree. Start times are computed
 * from boot time + start ticks (Linux, 10 ms jiffies) or read from p_starttime (macOS); a
 * tolerance of one jiffy-scale step absorbs rounding, while a new process that reused the pid starts
 * later than that.
 */
export const START_TIME_TOLERANCE_MS = 20;

/**
 * Same start time within the tolerance. Where the platform cannot tell start times (NaN in both
 * readings) the pid alone has to do; a reused pid then still shows as CPU time going backwards,
 * which counterRate refuses, or as a short-lived over-estimate that the core-count cap bounds.
 */
function sameProcess(prevStart: number, curStart: number): boolean {
  if (Number.isNaN(prevStart) && Number.isNaN(curStart)) return true;
  return Math.abs(prevStart - curStart) <= START_TIME_TOLERANCE_MS;
}

/** pid → row, cached per column set so each snapshot's index is built once (as cur, reused as prev). */
const indexCache = new WeakMap<RawProcesses, Map<number, number>>();

function rowsByPid(p: RawProcesses): Map<number, number> {
  let index = indexCache.get(p);
  if (!index) {
    index = new Map();
    for (let i = 0; i < p.count; i++) index.set(p.pid[i] ?? -1, i);
    indexCache.set(p, index);
  }
  return index;
}

function checkColumns(p: RawProcesses): void {
  if (!Number.isInteger(p.count) || p.count < 0)
    throw new RangeError(`processes.count must be a count, got ${p.count}`);
  const columns = [
    'pid',
    'ppid',
    'uid',
    'threads',
    'startTimeMs',
    'cpuTimeNs',
    'rssBytes',
    'virtualBytes',
  ] as const;
  for (const name of columns) {
    if (p[name].length < p.count)
      throw new RangeError(`processes.${name} has ${p[name].length} rows, expected ${p.count}`);
  }
  if (p.energyNj !== undefined && p.energyNj.length < p.count)
    throw new RangeError(`processes.energyNj has ${p.energyNj.length} rows, expected ${p.count}`);
  for (const name of [
    'diskReadBytes',
    'diskWriteBytes',
    'state',
    'kernelThread',
    'name',
    'path',
    'user',
  ] as const) {
    if (p[name].length < p.count)
      throw new RangeError(`processes.${name} has ${p[name].length} rows, expected ${p.count}`);
  }
}

export interface ProcessContext {
  /** Seconds between the snapshots (monotonic clock), undefined on the first sample. */
  readonly seconds: number | undefined;
  /** Total memory of the machine (memory section), for memPercent. */
  readonly totalMemoryBytes: number | undefined;
  /** Logical cores (cpu section): a process cannot use more than all of them. */
  readonly logicalCores: number | undefined;
}

/** One-letter state strings by char code, made once instead of per process per sample. */
const STATE_NAMES: readonly string[] = Array.from({ length: 256 }, (_, code) => String.fromCharCode(code));

/** An Int32Array count column: -1 (any negative) means unknown, which samples carry as NaN. */
function knownCount(value: number | undefined): number {
  return value !== undefined && value >= 0 ? value : NaN;
}

function optional(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

export function deriveProcesses(
  prev: RawProcesses | undefined,
  cur: RawProcesses,
  ctx: ProcessContext,
): ProcessesSample {
  checkColumns(cur);
  const before = prev && ctx.seconds !== undefined ? rowsByPid(prev) : undefined;
  rowsByPid(cur);
  const maxCpu = ctx.logicalCores !== undefined && ctx.logicalCores > 0 ? ctx.logicalCores * 100 : Infinity;
  const memTotal =
    ctx.totalMemoryBytes !== undefined && ctx.totalMemoryBytes > 0 ? ctx.totalMemoryBytes : undefined;
  const processes = new Array<ProcessSample>(cur.count);
  for (let i = 0; i < cur.count; i++) {
    const pid = cur.pid[i] ?? 0;
    const start = cur.startTimeMs[i] ?? NaN;
    const cpuTimeNs = cur.cpuTimeNs[i] ?? NaN;
    const rss = cur.rssBytes[i] ?? NaN;
    const energyNj = cur.energyNj?.[i] ?? NaN;
    const diskRead = cur.diskReadBytes[i] ?? NaN;
    const diskWrite = cur.diskWriteBytes[i] ?? NaN;
    const out: Mutable<ProcessSample> = {
      pid,
      ppid: cur.ppid[i] ?? 0,
      name: cur.name[i] ?? '',
      path: cur.path[i] ?? '',
      user: cur.user[i] ?? '',
      uid: cur.uid[i] ?? -1,
      state: STATE_NAMES[cur.state[i] ?? 63] ?? '?',
      threads: knownCount(cur.threads[i]),
      startTimeMs: start,
      cpuTimeNs,
      rssBytes: rss,
      virtualBytes: cur.virtualBytes[i] ?? NaN,
      kernelThread: cur.kernelThread[i] === 1,
    };
    if (Number.isFinite(diskRead)) out.diskReadBytes = diskRead;
    if (Number.isFinite(diskWrite)) out.diskWriteBytes = diskWrite;
    if (Number.isFinite(energyNj)) out.energyJ = energyNj / 1e9;
    if (memTotal !== undefined && rss >= 0) {
      // A resident set larger than the machine's memory is not a measurement (see SHARE_OVERSHOOT).
      const mem = (rss / memTotal) * 100;
      if (mem <= 100 * SHARE_OVERSHOOT) out.memPercent = Math.min(mem, 100);
    }
    const j = before?.get(pid);
    if (prev && j !== undefined && sameProcess(prev.startTimeMs[j] ?? NaN, start)) {
      const cpuNs = counterRate(prev.cpuTimeNs[j], cpuTimeNs, ctx.seconds);
      if (cpuNs !== undefined) {
        const percent = (cpuNs / 1e9) * 100;
        // More than every core for the whole interval is not a measurement (see SHARE_OVERSHOOT).
        if (percent <= maxCpu * SHARE_OVERSHOOT) out.cpuPercent = Math.min(percent, maxCpu);
      }
      const rd = counterRate(optional(prev.diskReadBytes[j] ?? NaN), diskRead, ctx.seconds);
      const wr = counterRate(
        optional(prev.diskWriteBytes[j] ?? NaN),
        cur.diskWriteBytes[i] ?? NaN,
        ctx.seconds,
      );
      if (rd !== undefined) out.diskReadBytesPerSec = rd;
      if (wr !== undefined) out.diskWriteBytesPerSec = wr;
      const nj = counterRate(optional(prev.energyNj?.[j] ?? NaN), energyNj, ctx.seconds);
      if (nj !== undefined) out.powerW = nj / 1e9;
    }
    processes[i] = out;
  }
  return { count: cur.count, processes };
}
