/** Power section: battery health and power; rails section: watts from energy counters. */
import type { RawBattery, RawPower, RawRail, RawRails } from '../../shared/raw';
import type { BatterySample, PowerSample, RailSample, RailsSample } from '../../shared/sample';
import { counterRate, indexBy } from './rate';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function ratio(part: number | undefined, whole: number | undefined): number | undefined {
  if (part === undefined || whole === undefined || !(whole > 0) || !(part >= 0)) return undefined;
  return (part / whole) * 100;
}

/**
 * Battery health % = full-charge capacity / design capacity (MACOS.md: AppleRawMaxCapacity /
 * DesignCapacity; Linux power_supply energy_full / energy_full_design, or the charge_* pair). Not
 * clamped: a new battery can hold a little more than its design capacity.
 */
export function batteryHealth(b: RawBattery): number | undefined {
  return ratio(b.energyFullWh, b.energyDesignWh) ?? ratio(b.chargeFullAh, b.chargeDesignAh);
}

export function deriveBattery(b: RawBattery): BatterySample {
  const out: Mutable<BatterySample> = { ...b };
  const health = batteryHealth(b);
  if (health !== undefined) out.healthPercent = health;
  // Power = V × I where the OS gives no power reading (signed like the current).
  if (b.powerW === undefined && b.voltageV !== undefined && b.currentA !== undefined) {
    const w = b.voltageV * b.currentA;
    if (Number.isFinite(w)) out.powerW = w;
  }
  // Charge % from the energy (or charge) counters where the OS gives no capacity percentage.
  if (b.percent === undefined) {
    const p = ratio(b.energyNowWh, b.energyFullWh) ?? ratio(b.chargeNowAh, b.chargeFullAh);
    if (p !== undefined) out.percent = Math.min(100, p);
  }
  return out;
}

export function derivePower(cur: RawPower): PowerSample {
  const out: Mutable<PowerSample> = {
    source: cur.source,
    adapters: cur.adapters,
    batteries: cur.batteries.map(deriveBattery),
  };
  if (cur.thermalPressure !== undefined) out.thermalPressure = cur.thermalPressure;
  return out;
}

/**
 * Watts of one rail: over its own span where core/derive/rail-cadence.ts set one (batched
 * counters), else over the time between the two readings of this counter: its own stamps
 * (RawRail.monoNs) where both readings have one, else the snapshots' interval.
 */
function railWatts(prev: RawRail | undefined, cur: RawRail, seconds: number | undefined): number | undefined {
  if (cur.span) {
    const s = (cur.span.toMonoNs - cur.span.fromMonoNs) / 1e9;
    return counterRate(cur.span.fromEnergyJ, cur.energyJ, s, cur.wrapJ);
  }
  const own =
    prev?.monoNs !== undefined && cur.monoNs !== undefined ? (cur.monoNs - prev.monoNs) / 1e9 : seconds;
  return counterRate(prev?.energyJ, cur.energyJ, own, cur.wrapJ);
}

/** Rails: average watts = Δenergy / Δt, with one RAPL wrap (wrapJ) undone. */
export function deriveRails(
  prev: RawRails | undefined,
  cur: RawRails,
  seconds: number | undefined,
): RailsSample {
  const before = indexBy(prev?.rails, (r) => r.name);
  const rails = cur.rails.map((rail): RailSample => {
    const out: Mutable<RailSample> = { name: rail.name, energyJ: rail.energyJ };
    const watts = railWatts(before.get(rail.name), rail, seconds);
    if (watts !== undefined) out.watts = watts;
    return out;
  });
  const out: Mutable<RailsSample> = { rails };
  if (cur.systemW !== undefined) out.systemW = cur.systemW;
  if (cur.batteryW !== undefined) out.batteryW = cur.batteryW;
  if (cur.dcInW !== undefined) out.dcInW = cur.dcInW;
  return out;
}
