/**
 * The glance summary (issue 11): the few numbers the menu-bar title and the popover header show,
 * decided once so both say the same. Pure functions of a Sample; a value the sample does not have
 * is undefined, never a made-up zero.
 */
import { valueOf } from './metric-result';
import type { BatterySample, InterfaceSample, Sample, TempSensorSample } from './sample';

export interface GlanceSummary {
  /** CPU busy, %. */
  readonly cpu?: number;
  readonly memory?: number;
  readonly swap?: number;
  /** Busiest GPU's utilization, %. */
  readonly gpu?: number;
  /** Hottest sensor the engine grouped as CPU (core/derive/sensor-groups), °C. */
  readonly cpuTemperature?: number;
  /** Receive and send rates summed over glanceInterfaces(), B/s. */
  readonly rx?: number;
  readonly tx?: number;
  /** The first battery. */
  readonly battery?: BatterySample;
  /** Whole-system power (SMC), else the battery's power magnitude, W. */
  readonly power?: number;
  /** Fastest fan, rpm. */
  readonly fan?: number;
}

/**
 * Interfaces whose traffic the glance sums: loopback and virtual interfaces (bridges, veth, tun)
 * are left out, because their traffic is also counted on the physical link it leaves by.
 */
export function glanceInterfaces(sample: Sample): readonly InterfaceSample[] {
  return (valueOf(sample.network)?.interfaces ?? []).filter(
    (i) => i.kind !== 'loopback' && i.kind !== 'virtual',
  );
}

/** Sensors the glance temperature is the hottest of: the CPU group. */
export function glanceSensors(sample: Sample): readonly TempSensorSample[] {
  return (valueOf(sample.thermal)?.sensors ?? []).filter(
    (s) => s.group === 'cpu' && Number.isFinite(s.celsius),
  );
}

function maxOf(values: readonly (number | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const v of values)
    if (v !== undefined && Number.isFinite(v) && (best === undefined || v > best)) best = v;
  return best;
}

function sumOf(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function glanceSummary(sample: Sample): GlanceSummary {
  const out: Mutable<GlanceSummary> = {};
  const cpu = valueOf(sample.cpu)?.usage?.busy;
  if (cpu !== undefined) out.cpu = cpu;
  const memory = valueOf(sample.memory);
  if (memory !== undefined) {
    out.memory = memory.usedPercent;
    out.swap = memory.swapUsedPercent;
  }
  const gpu = maxOf((valueOf(sample.gpu)?.gpus ?? []).map((g) => g.utilizationPercent));
  if (gpu !== undefined) out.gpu = gpu;
  const temperature = maxOf(glanceSensors(sample).map((s) => s.celsius));
  if (temperature !== undefined) out.cpuTemperature = temperature;
  const ifaces = glanceInterfaces(sample);
  const rx = sumOf(ifaces.map((i) => i.rxBytesPerSec));
  const tx = sumOf(ifaces.map((i) => i.txBytesPerSec));
  if (rx !== undefined && tx !== undefined) {
    out.rx = rx;
    out.tx = tx;
  }
  const battery = valueOf(sample.power)?.batteries[0];
  if (battery !== undefined) out.battery = battery;
  const batteryW = battery?.powerW === undefined ? undefined : Math.abs(battery.powerW);
  const power = valueOf(sample.rails)?.systemW ?? batteryW;
  if (power !== undefined) out.power = power;
  const fan = maxOf((valueOf(sample.fans)?.fans ?? []).map((f) => f.rpm));
  if (fan !== undefined) out.fan = fan;
  return out;
}
