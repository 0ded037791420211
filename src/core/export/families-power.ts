/**
 * Metric families for power: sources, adapters and batteries under node_exporter's
 * `node_power_supply_*` names (`node_power_supply_capacity` stays in percent, as node_exporter
 * reports it), the rest as `darwinmetrics_*` in base units.
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import type { FamilyBuilder } from './family';
import { ratio } from './units';

const THERMAL_LEVELS = ['nominal', 'fair', 'serious', 'critical'] as const;
const POWER_SOURCES = ['ac', 'battery', 'ups', 'unknown'] as const;

export function addPowerFamilies(b: FamilyBuilder, sample: Sample): void {
  const power = valueOf(sample.power);
  if (power === undefined) return;
  const source = b.family(
    'darwinmetrics_power_source',
    'gauge',
    'Power source: 1 for the current source, 0 for the others.',
  );
  for (const s of POWER_SOURCES) source(power.source === s ? 1 : 0, [['source', s]]);
  if (power.thermalPressure !== undefined) {
    const tp = b.family(
      'darwinmetrics_thermal_pressure',
      'gauge',
      'macOS thermal pressure: 1 for the current level, 0 for the others.',
    );
    for (const l of THERMAL_LEVELS) tp(power.thermalPressure === l ? 1 : 0, [['level', l]]);
  }
  const online = b.family(
    'node_power_supply_online',
    'gauge',
    'online value of /sys/class/power_supply/<power_supply>.',
  );
  const adapterW = b.family(
    'darwinmetrics_power_adapter_watts',
    'gauge',
    'Rated power of the connected adapter.',
    'watts',
  );
  for (const a of power.adapters) {
    online(a.online ? 1 : 0, [['power_supply', a.id]]);
    adapterW(a.watts, [['power_supply', a.id]]);
  }
  const f = (name: string, help: string, unit?: string) =>
    b.family(`node_power_supply_${name}`, 'gauge', help, unit);
  const capacity = f(
    'capacity',
    'Battery charge in percent (capacity of /sys/class/power_supply/<power_supply>).',
  );
  const cycles = f('cyclecount', 'Battery charge cycles.');
  const energy = f('energy_watthour', 'Battery energy now, watt-hours.');
  const energyFull = f('energy_full', 'Battery energy when full, watt-hours.');
  const energyDesign = f('energy_full_design', 'Battery design energy, watt-hours.');
  const volts = f('voltage_volt', 'Battery voltage.', 'volt');
  const voltsMin = f('voltage_min_design', 'Battery minimum design voltage, volts.');
  const watts = f(
    'power_watt',
    'Battery power, watts (absolute value, as node_exporter reports power_now).',
    'watt',
  );
  const current = f('current_ampere', 'Battery current, amperes (absolute value).', 'ampere');
  const temp = f('temp_celsius', 'Battery temperature.', 'celsius');
  const info = f('info', 'Battery description; the value is always 1.');
  const health = b.family(
    'darwinmetrics_battery_health_ratio',
    'gauge',
    'Full-charge capacity / design capacity (0-1).',
    'ratio',
  );
  const toEmpty = b.family(
    'darwinmetrics_battery_time_to_empty_seconds',
    'gauge',
    'Time to empty as the OS estimates it.',
    'seconds',
  );
  const toFull = b.family(
    'darwinmetrics_battery_time_to_full_seconds',
    'gauge',
    'Time to full as the OS estimates it.',
    'seconds',
  );
  for (const bat of power.batteries) {
    const l: [string, string][] = [['power_supply', bat.id]];
    capacity(bat.percent, l);
    cycles(bat.cycleCount, l);
    energy(bat.energyNowWh, l);
    energyFull(bat.energyFullWh, l);
    energyDesign(bat.energyDesignWh, l);
    volts(bat.voltageV, l);
    voltsMin(bat.voltageMinDesignV, l);
    watts(bat.powerW === undefined ? undefined : Math.abs(bat.powerW), l);
    current(bat.currentA === undefined ? undefined : Math.abs(bat.currentA), l);
    temp(bat.temperatureC, l);
    health(ratio(bat.healthPercent), l);
    toEmpty(bat.minutesToEmpty === undefined ? undefined : bat.minutesToEmpty * 60, l);
    toFull(bat.minutesToFull === undefined ? undefined : bat.minutesToFull * 60, l);
    const il: [string, string][] = [...l, ['status', bat.state]];
    if (bat.manufacturer !== undefined) il.push(['manufacturer', bat.manufacturer]);
    if (bat.model !== undefined) il.push(['model_name', bat.model]);
    if (bat.technology !== undefined) il.push(['technology', bat.technology]);
    info(1, il);
  }
}
