/**
 * derive(prev, cur): two RawSnapshots → one Sample (DESIGN.md §2–3). Pure and synchronous.
 *
 * - Elapsed time comes from the monotonic clock (`mono`, ns), never the wall clock. With no previous
 *   snapshot, or a monotonic clock that did not advance, there are no rates (gauges are still there).
 * - A section that failed in `cur` passes through as the same error result.
 * - A section whose data is malformed (a tick rate of 0, columns of unequal length) becomes a
 *   'failed' section error naming the problem: one bad section never takes the sample down.
 * - Rates come from the per-section files (derive-cpu, derive-io, ...) through derive-rate's
 *   counter helpers: a counter that went backwards gives no rate, never a negative or NaN one.
 */
import { fail, ok, valueOf, type MetricResult } from '../../shared/metric-result';
import type { RawSnapshot, RawTempSensor } from '../../shared/raw';
import type {
  ProcessSample,
  ProcessesSample,
  Sample,
  SampleSections,
  TempSensorSample,
} from '../../shared/sample';
import type { SectionName } from '../../shared/sections';
import { deriveCpu } from './cpu';
import { deriveGpus } from './gpu';
import { deriveDisks, deriveNetwork } from './io';
import { deriveMemory } from './memory';
import { derivePower, deriveRails } from './power';
import { attachPower, gpuByPid, packageWatts } from './process-extras';
import { deriveProcesses } from './processes';
import { sensorGroup, type SensorGroupOptions } from './sensor-groups';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Runs one section's derivation, turning a thrown error into that section's error result. */
function guarded<K extends SectionName>(
  name: K,
  fn: () => SampleSections[K],
): MetricResult<SampleSections[K]> {
  try {
    return ok(fn());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('failed', `${name}: cannot derive (${message})`);
  }
}

function groupSensors(sensors: readonly RawTempSensor[], options: SensorGroupOptions): TempSensorSample[] {
  return sensors.map((s) => ({ ...s, group: sensorGroup(s, options) }));
}

function checkClock(snapshot: RawSnapshot | undefined, name: string): void {
  if (snapshot === undefined) return;
  if (typeof snapshot !== 'object' || snapshot === null)
    throw new TypeError(`derive: ${name} must be a RawSnapshot`);
  if (!Number.isFinite(snapshot.mono))
    throw new TypeError(`derive: ${name}.mono must be a finite number (ns)`);
  if (!Number.isFinite(snapshot.t)) throw new TypeError(`derive: ${name}.t must be a finite number (ms)`);
}

export function derive(prev: RawSnapshot | undefined, cur: RawSnapshot): Sample {
  checkClock(cur, 'cur');
  if (cur === undefined) throw new TypeError('derive: cur must be a RawSnapshot');
  checkClock(prev, 'prev');
  const elapsedNs = prev === undefined ? NaN : cur.mono - prev.mono;
  const seconds = elapsedNs > 0 ? elapsedNs / 1e9 : undefined;
  const out: Mutable<Sample> = { t: cur.t, mono: cur.mono };
  if (seconds !== undefined) out.intervalMs = seconds * 1000;

  const host = valueOf(cur.host);
  const cpu = valueOf(cur.cpu);
  const memory = valueOf(cur.memory);
  const arch = host?.arch ?? cpu?.arch;
  const platform = host?.platform;
  // SMC key prefixes differ between Apple Silicon and Intel Macs; the chip's brand picks its key table.
  const groupOptions: Mutable<SensorGroupOptions> = {};
  if (arch !== undefined) groupOptions.appleSilicon = arch === 'arm64' && platform !== 'linux';
  if (cpu?.model !== undefined) groupOptions.cpuBrand = cpu.model;

  if (cur.host) out.host = cur.host;
  if (cur.cpu)
    out.cpu = cpu ? guarded('cpu', () => deriveCpu(valueOf(prev?.cpu), cpu, seconds)) : (cur.cpu as never);
  if (cur.memory) out.memory = memory ? guarded('memory', () => deriveMemory(memory)) : (cur.memory as never);
  if (cur.power) {
    const v = valueOf(cur.power);
    out.power = v ? guarded('power', () => derivePower(v)) : (cur.power as never);
  }
  if (cur.thermal) {
    const v = valueOf(cur.thermal);
    out.thermal = v
      ? guarded('thermal', () => ({ sensors: groupSensors(v.sensors, groupOptions) }))
      : (cur.thermal as never);
  }
  if (cur.fans) out.fans = cur.fans;
  if (cur.gpu) {
    const v = valueOf(cur.gpu);
    out.gpu = v ? guarded('gpu', () => deriveGpus(valueOf(prev?.gpu), v)) : (cur.gpu as never);
  }
  if (cur.rails) {
    const v = valueOf(cur.rails);
    out.rails = v
      ? guarded('rails', () => deriveRails(valueOf(prev?.rails), v, seconds))
      : (cur.rails as never);
  }
  if (cur.disks) {
    const v = valueOf(cur.disks);
    out.disks = v
      ? guarded('disks', () => deriveDisks(valueOf(prev?.disks), v, seconds))
      : (cur.disks as never);
  }
  if (cur.network) {
    const v = valueOf(cur.network);
    out.network = v
      ? guarded('network', () => deriveNetwork(valueOf(prev?.network), v, seconds))
      : (cur.network as never);
  }
  if (cur.processIo) out.processIo = cur.processIo;
  if (cur.processGpu) {
    const v = valueOf(cur.processGpu);
    out.processGpu = v
      ? guarded('processGpu', () => ({
          clients: v.clients.length,
          denied: v.denied,
          unavailable: v.unavailable,
        }))
      : (cur.processGpu as never);
  }
  if (cur.processes) {
    const v = valueOf(cur.processes);
    const ctx = { seconds, totalMemoryBytes: memory?.totalBytes, logicalCores: cpu?.logicalCores };
    out.processes = v
      ? guarded('processes', () =>
          withExtras(deriveProcesses(valueOf(prev?.processes), v, ctx), prev, cur, out, seconds),
        )
      : (cur.processes as never);
  }
  return out;
}

/** Adds GPU share and power to the process rows (process-extras.ts). */
function withExtras(
  derived: ProcessesSample,
  prev: RawSnapshot | undefined,
  cur: RawSnapshot,
  sample: Sample,
  seconds: number | undefined,
): ProcessesSample {
  const processes = derived.processes as Mutable<ProcessSample>[];
  const gpu = valueOf(cur.processGpu);
  if (gpu) {
    const byPid = gpuByPid(valueOf(prev?.processGpu), gpu, seconds);
    for (const p of processes) {
      const g = byPid.get(p.pid);
      if (g?.percent !== undefined) p.gpuPercent = g.percent;
      if (g?.memoryBytes !== undefined) p.gpuMemoryBytes = g.memoryBytes;
    }
  }
  if (seconds === undefined) return derived;
  const cpu = valueOf(sample.cpu);
  const busy = cpu?.usage ? cpu.usage.busy * cpu.logicalCores : undefined;
  const power = attachPower(processes, {
    measured: processes.some((p) => p.energyJ !== undefined),
    packageW: packageWatts(valueOf(sample.rails)),
    busyCorePercent: busy,
  });
  return { ...derived, power };
}
