/**
 * The per-process extras that need more than one process's own counters: GPU share from the GPU
 * clients each process holds (processGpu), and power, measured from the OS's energy counter
 * (macOS) or estimated from the RAPL package energy by CPU share (Linux).
 */
import type { RawGpuClient, RawGpuEngine, RawProcessGpu } from '../../shared/raw';
import type { ProcessPowerSource, ProcessSample, RailsSample } from '../../shared/sample';
import { SHARE_OVERSHOOT, counterRate } from './rate';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One client across snapshots: client ids are unique per device and driver (drm-usage-stats.rst). */
function clientKey(c: RawGpuClient): string {
  return `${c.device}|${c.driver}|${c.clientId}`;
}

/**
 * Busy fraction of one engine between two readings of a client: busy ns over elapsed ns, or busy
 * cycles over total cycles (xe), divided by the engine's capacity (engines of that class).
 */
function engineShare(prev: RawGpuEngine, cur: RawGpuEngine, seconds: number): number | undefined {
  const capacity = cur.capacity > 0 ? cur.capacity : 1;
  const busy = counterRate(prev.busyNs, cur.busyNs, seconds);
  if (busy !== undefined) return busy / 1e9 / capacity;
  const cycles = counterRate(prev.cycles, cur.cycles, 1);
  const total = counterRate(prev.totalCycles, cur.totalCycles, 1);
  if (cycles !== undefined && total !== undefined && total > 0) return cycles / total / capacity;
  return undefined;
}

/**
 * One engine's busy fraction for a client: the driver's own percentage where it gives one (NVML,
 * over its sampling period, no previous reading needed), else the counters' change since the
 * client's previous reading.
 */
function clientEngineShare(
  engine: RawGpuEngine,
  old: RawGpuClient | undefined,
  seconds: number | undefined,
): number | undefined {
  if (Number.isFinite(engine.percent))
    return engine.percent / 100 / (engine.capacity > 0 ? engine.capacity : 1);
  if (!old || seconds === undefined) return undefined;
  const previous = old.engines.find((e) => e.name === engine.name);
  return previous ? engineShare(previous, engine, seconds) : undefined;
}

/**
 * gpuPercent per pid: for each engine of each GPU the summed share of all the process's clients,
 * then the busiest (as intel_gpu_top and nvtop show a process: its load on the engine it uses
 * most). Engines of different GPUs are kept apart, so a process on two GPUs shows the busier one.
 * gpuMemoryBytes: the clients' memory summed. Counter clients without a previous reading give
 * memory only.
 */
export function gpuByPid(
  prev: RawProcessGpu | undefined,
  cur: RawProcessGpu,
  seconds: number | undefined,
): Map<number, { percent?: number; memoryBytes?: number }> {
  const before = new Map((prev?.clients ?? []).map((c) => [clientKey(c), c]));
  const perPid = new Map<number, { engines: Map<string, number>; memoryBytes?: number }>();
  for (const client of cur.clients) {
    let entry = perPid.get(client.pid);
    if (!entry) perPid.set(client.pid, (entry = { engines: new Map() }));
    if (Number.isFinite(client.memoryBytes))
      entry.memoryBytes = (entry.memoryBytes ?? 0) + client.memoryBytes;
    const found = before.get(clientKey(client));
    const old = found?.pid === client.pid ? found : undefined;
    for (const engine of client.engines) {
      const share = clientEngineShare(engine, old, seconds);
      const key = `${client.device}|${engine.name}`;
      if (share !== undefined) entry.engines.set(key, (entry.engines.get(key) ?? 0) + share);
    }
  }
  const out = new Map<number, { percent?: number; memoryBytes?: number }>();
  for (const [pid, { engines, memoryBytes }] of perPid) {
    const busiest = engines.size > 0 ? Math.max(...engines.values()) * 100 : undefined;
    const value: { percent?: number; memoryBytes?: number } = {};
    // More than the whole engine for the whole interval is not a measurement (see SHARE_OVERSHOOT).
    if (busiest !== undefined && busiest <= 100 * SHARE_OVERSHOOT) value.percent = Math.min(busiest, 100);
    if (memoryBytes !== undefined) value.memoryBytes = memoryBytes;
    out.set(pid, value);
  }
  return out;
}

/** Sums the RAPL package domains ("package-0", "package-1", ...): the CPU sockets' power. */
export function packageWatts(rails: RailsSample | undefined): number | undefined {
  const packages = (rails?.rails ?? []).filter((r) => r.name.startsWith('package-'));
  if (packages.length === 0 || packages.some((r) => r.watts === undefined)) return undefined;
  return packages.reduce((sum, r) => sum + (r.watts ?? 0), 0);
}

export interface PowerInputs {
  /** True where the OS accounts energy per process (energyJ present on some process). */
  readonly measured: boolean;
  /** RAPL package watts over the interval (Linux), when the rails section has them. */
  readonly packageW: number | undefined;
  /** The whole machine's busy CPU in "100 % = one core" units: usage.busy × logical cores. */
  readonly busyCorePercent: number | undefined;
}

/**
 * Sets powerW on every process and says where it came from. macOS: the rate of the process's own
 * energy counter. Linux: the package power shared out by each process's part of the busy CPU time,
 * Scaphandre's method (https://hubblo-org.github.io/scaphandre-documentation/explanations/how-scaph-computes-per-process-power-consumption.html);
 * it attributes uncore and idle power to whoever is running, so it is labelled an estimate.
 */
export function attachPower(processes: Mutable<ProcessSample>[], inputs: PowerInputs): ProcessPowerSource {
  if (inputs.measured) {
    return { kind: 'measured', detail: 'energy the OS accounts to each process (rusage ri_energy_nj)' };
  }
  if (inputs.packageW === undefined) {
    return {
      kind: 'unavailable',
      reason:
        'no per-process energy counter (macOS rusage) and no RAPL package energy to share out ' +
        '(Linux sys/class/powercap, read by the rails section on Intel and AMD CPUs)',
    };
  }
  const busy = inputs.busyCorePercent;
  if (busy === undefined || busy <= 0) {
    return { kind: 'unavailable', reason: 'no CPU usage over the interval to share the package power by' };
  }
  for (const p of processes) {
    if (p.cpuPercent !== undefined) p.powerW = inputs.packageW * Math.min(p.cpuPercent / busy, 1);
  }
  return {
    kind: 'estimated',
    detail: 'RAPL package power shared by each process’s share of busy CPU time (an estimate)',
  };
}
