/** Small hand-written RawSnapshot parts for derive, series and alert tests. */
import { ok } from '../../src/shared/metric-result';
import type { RawCpu, RawCpuTicks, RawMemory, RawProcesses, RawSnapshot } from '../../src/shared/raw';

export function ticks(partial: Partial<RawCpuTicks> = {}): RawCpuTicks {
  return { user: 0, nice: 0, system: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0, ...partial };
}

export function rawCpu(
  total: RawCpuTicks,
  cores: readonly RawCpuTicks[] = [total],
  extra: Partial<RawCpu> = {},
): RawCpu {
  return {
    model: 'Test CPU',
    arch: 'x64',
    physicalCores: cores.length,
    logicalCores: cores.length,
    perfLevels: [],
    loadAvg: [0.5, 0.4, 0.3],
    ticksPerSecond: 100,
    total,
    cores,
    ...extra,
  };
}

export function rawMemory(extra: Partial<RawMemory> = {}): RawMemory {
  return {
    totalBytes: 8e9,
    freeBytes: 2e9,
    availableBytes: 4e9,
    usedBytes: 4e9,
    cachedBytes: 1e9,
    swapTotalBytes: 2e9,
    swapUsedBytes: 5e8,
    ...extra,
  };
}

export interface ProcRow {
  readonly pid: number;
  readonly ppid?: number;
  readonly name?: string;
  readonly startTimeMs?: number;
  readonly cpuTimeNs?: number;
  readonly rssBytes?: number;
  readonly diskReadBytes?: number;
  readonly diskWriteBytes?: number;
  readonly energyNj?: number;
}

export function rawProcesses(rows: readonly ProcRow[]): RawProcesses {
  const n = rows.length;
  const f64 = (get: (r: ProcRow) => number | undefined): Float64Array =>
    Float64Array.from(rows, (r) => get(r) ?? NaN);
  return {
    count: n,
    pid: Int32Array.from(rows, (r) => r.pid),
    ppid: Int32Array.from(rows, (r) => r.ppid ?? 1),
    uid: new Int32Array(n),
    threads: new Int32Array(n).fill(1),
    startTimeMs: f64((r) => r.startTimeMs ?? 1_700_000_000_000),
    cpuTimeNs: f64((r) => r.cpuTimeNs ?? 0),
    rssBytes: f64((r) => r.rssBytes ?? 1e6),
    virtualBytes: f64(() => 1e7),
    diskReadBytes: f64((r) => r.diskReadBytes),
    diskWriteBytes: f64((r) => r.diskWriteBytes),
    energyNj: f64((r) => r.energyNj),
    state: Uint8Array.from(rows, () => 'S'.charCodeAt(0)),
    kernelThread: new Uint8Array(n),
    name: rows.map((r) => r.name ?? `p${r.pid}`),
    path: rows.map(() => ''),
    user: rows.map(() => 'root'),
  };
}

/** A snapshot at `seconds` on the monotonic clock (wall clock follows it from a fixed epoch). */
export function snap(seconds: number, sections: Omit<RawSnapshot, 't' | 'mono'>): RawSnapshot {
  return { t: 1_700_000_000_000 + seconds * 1000, mono: seconds * 1e9, ...sections };
}

export { ok };
