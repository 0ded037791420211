/**
 * normalizeDarwin: the macOS native snapshot → exactly the RawSnapshot of src/shared/raw.ts.
 * The native side only acquires (raw SMC bytes, DVFS blobs, residency counters, registry
 * dictionaries); every interpretation happens here with the tested decoders of src/shared/darwin.
 */
import { darwinAdapter, darwinBattery, ipsPowerSource } from '../../shared/darwin/battery';
import { gpuTableMhz } from '../../shared/darwin/dvfs';
import { gpuClientsFromRegistry } from '../../shared/darwin/gpu-clients';
import { gpuResidency } from '../../shared/darwin/ioreport-residency';
import { darwinMemory } from '../../shared/darwin/memory';
import { smcFans } from '../../shared/darwin/smc-fans';
import { smcPower } from '../../shared/darwin/smc-power';
import { smcTemperatureSensors } from '../../shared/darwin/smc-sensors';
import {
  memoryPressureFromSysctl,
  thermalPressureFromNotifyState,
} from '../../shared/darwin/thermal-pressure';
import { fail, ok, type MetricResult } from '../../shared/metric-result';
import type {
  MemoryPressureLevel,
  RawCpu,
  RawFans,
  RawGpu,
  RawGpus,
  RawMemory,
  RawNetwork,
  RawPower,
  RawProcesses,
  RawProcessGpu,
  RawRails,
  RawSnapshot,
  RawThermal,
} from '../../shared/raw';
import { SECTIONS } from '../../shared/sections';
import { appleClusters, energyRails, normalizeNetwork, normalizeProcesses } from './normalize-parts';
import type { NativeDarwinExtras, NativeDarwinSnapshot, WithSmc } from './native-types';

type Result = MetricResult<unknown> | undefined;

function withoutSmc<T extends object>(value: WithSmc<T>): T {
  const { smc: _smc, ...rest } = value as WithSmc<T> & Record<string, unknown>;
  return rest as unknown as T;
}

/** Applies `fn` to a successful section value; errors and absent sections pass through unchanged. */
function mapOk<T>(result: Result, fn: (value: T) => unknown): Result {
  if (!result || !result.ok) return result;
  try {
    return ok(fn(result.value as T));
  } catch (err) {
    // A malformed native value is a section error, never a crash (DEVELOPERS.md).
    return fail('failed', `darwin normalize: ${(err as Error).message}`);
  }
}

/**
 * host_processor_info's PROCESSOR_CPU_LOAD_INFO counters are `unsigned int cpu_ticks[CPU_STATE_MAX]`
 * (xnu osfmk/mach/processor_info.h, struct processor_cpu_load_info): they roll over at 2^32.
 */
export const MACH_CPU_TICK_WRAP = 2 ** 32;

function normalizeCpu(cpu: WithSmc<RawCpu>, x: NativeDarwinExtras): RawCpu {
  const base = { ...withoutSmc(cpu), tickWrap: MACH_CPU_TICK_WRAP };
  if (!x.appleSilicon || !x.pmgr || !x.cpuResidency) return base;
  const clusters = appleClusters(x.pmgr, x.cpuResidency);
  return clusters.length > 0 ? { ...base, clusters } : base;
}

function normalizeMemory(memory: RawMemory, x: NativeDarwinExtras): RawMemory {
  if (!x.vm) return memory;
  const { pageSize, ...counters } = x.vm;
  const pressure =
    x.memoryPressureLevel !== undefined ? memoryPressureFromSysctl(x.memoryPressureLevel) : undefined;
  return darwinMemory({
    counters,
    pageSize,
    totalBytes: memory.totalBytes,
    swapTotalBytes: memory.swapTotalBytes,
    swapUsedBytes: memory.swapUsedBytes,
    ...(pressure !== undefined ? { pressureLevel: pressure } : pressureOf(memory)),
  });
}

function pressureOf(memory: RawMemory): { pressureLevel: MemoryPressureLevel } | Record<string, never> {
  return memory.pressureLevel !== undefined ? { pressureLevel: memory.pressureLevel } : {};
}

function normalizePower(power: WithSmc<RawPower>, x: NativeDarwinExtras): RawPower {
  const base = withoutSmc(power);
  const batteries = (x.batteries ?? []).map((b, i) => {
    const name = b.ips['Name'];
    return darwinBattery(
      typeof name === 'string' && name !== '' ? name : `battery${i}`,
      b.ips,
      b.registry ?? {},
    );
  });
  const source = x.providingSource !== undefined ? ipsPowerSource(x.providingSource) : base.source;
  const adapter = darwinAdapter(x.adapter, source === 'ac');
  const thermal =
    x.thermalPressureState !== undefined
      ? thermalPressureFromNotifyState(x.thermalPressureState)
      : base.thermalPressure;
  return {
    source,
    adapters: adapter ? [adapter] : base.adapters,
    batteries: batteries.length > 0 ? batteries : base.batteries,
    ...(thermal !== undefined ? { thermalPressure: thermal } : {}),
  };
}

function normalizeThermal(thermal: WithSmc<RawThermal>, x: NativeDarwinExtras): RawThermal {
  const smc = smcTemperatureSensors(thermal.smc ?? [], {
    appleSilicon: x.appleSilicon,
    ...(x.cpuBrand !== undefined ? { cpuBrand: x.cpuBrand } : {}),
  });
  return { sensors: [...thermal.sensors, ...smc] };
}

function normalizeFans(fans: WithSmc<RawFans>, x: NativeDarwinExtras): RawFans {
  return { fans: [...fans.fans, ...smcFans(fans.smc ?? [], x)] };
}

function normalizeGpu(gpus: RawGpus, x: NativeDarwinExtras): RawGpus {
  const table = x.pmgr?.['voltage-states9'];
  const channel = x.gpuResidency?.find((c) => c.channel === 'GPUPH');
  if (!x.appleSilicon || !table || !channel) return gpus;
  const residency = gpuResidency(channel, gpuTableMhz(table));
  if (!residency) return gpus;
  // The residency belongs to the built-in Apple GPU (there is exactly one on Apple Silicon).
  const list = gpus.gpus.map((g): RawGpu => (g.vendor === 'apple' ? { ...g, residency } : g));
  return { gpus: list };
}

function normalizeRails(rails: WithSmc<RawRails>, x: NativeDarwinExtras): RawRails {
  const base = withoutSmc(rails);
  const fromEnergy = energyRails(x.energy ?? [], x.ioreportMonoNs);
  const power = smcPower(rails.smc ?? [], x);
  return { ...base, rails: [...base.rails, ...fromEnergy], ...power };
}

/** The macOS native snapshot as a RawSnapshot. Throws a TypeError naming the argument on a non-object. */
export function normalizeDarwin(native: NativeDarwinSnapshot): RawSnapshot {
  if (typeof native !== 'object' || native === null)
    throw new TypeError('native: expected a native snapshot object');
  const x: NativeDarwinExtras = native.darwin ?? { appleSilicon: false };
  const out: Record<string, unknown> = { t: native.t, mono: native.mono };
  for (const name of SECTIONS) {
    const r: Result = native[name];
    if (r === undefined) continue;
    switch (name) {
      case 'cpu':
        out[name] = mapOk<WithSmc<RawCpu>>(r, (v) => normalizeCpu(v, x));
        break;
      case 'memory':
        out[name] = mapOk<RawMemory>(r, (v) => normalizeMemory(v, x));
        break;
      case 'power':
        out[name] = mapOk<WithSmc<RawPower>>(r, (v) => normalizePower(v, x));
        break;
      case 'thermal':
        out[name] = mapOk<WithSmc<RawThermal>>(r, (v) => normalizeThermal(v, x));
        break;
      case 'fans':
        out[name] = mapOk<WithSmc<RawFans>>(r, (v) => normalizeFans(v, x));
        break;
      case 'gpu':
        out[name] = mapOk<RawGpus>(r, (v) => normalizeGpu(v, x));
        break;
      case 'rails':
        out[name] = mapOk<WithSmc<RawRails>>(r, (v) => normalizeRails(v, x));
        break;
      case 'network':
        out[name] = mapOk<RawNetwork>(r, (v) => normalizeNetwork(v, x));
        break;
      case 'processes':
        out[name] = mapOk<RawProcesses>(r, (v) => normalizeProcesses(v, x));
        break;
      case 'processGpu':
        // The native value is empty: the clients come as registry dictionaries in the extras.
        out[name] = mapOk<RawProcessGpu>(r, (v) => ({
          clients: gpuClientsFromRegistry(x.gpuClients ?? []),
          denied: v.denied ?? 0,
          unavailable: v.unavailable ?? [],
        }));
        break;
      default:
        out[name] = r;
    }
  }
  return out as unknown as RawSnapshot;
}
