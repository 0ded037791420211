/**
 * Catalogue entries of the power section: sources, adapters and batteries under node_exporter's
 * `node_power_supply_*` names (`node_power_supply_capacity` stays in percent, as node_exporter
 * reports it), the rest as `darwinmetrics_*` in base units.
 */
import type { BatterySample } from '../sample';
import { define, flag, minToS, toRatio } from './define';
import { adapterScope, batteryScope, powerScope } from './scopes';
import type { AnyDescriptor, InfluxType, PromSpec, Unit } from './types';

const BOTH = ['linux', 'darwin'] as const;

type BatteryNumber = {
  [K in keyof BatterySample]-?: BatterySample[K] extends number | undefined ? K : never;
}[keyof BatterySample];

function batteryValue(
  leaf: BatteryNumber,
  label: string,
  description: string,
  unit: Unit,
  prom: PromSpec<BatterySample> | undefined,
  extra: { history?: boolean; chart?: 'battery' | 'power'; influx?: InfluxType } = {},
): AnyDescriptor {
  return define(batteryScope, {
    leaf,
    label,
    description,
    unit,
    kind: 'gauge',
    platforms: BOTH,
    get: (b) => b[leaf],
    ...(prom === undefined ? {} : { prom }),
    ...extra,
  });
}

const supply = (name: string, help: string, unit?: string): PromSpec<BatterySample> =>
  unit === undefined
    ? { name: `node_power_supply_${name}`, help }
    : { name: `node_power_supply_${name}`, help, unit };

const abs = (v: number): number => Math.abs(v);

export const POWER_ENTRIES: readonly AnyDescriptor[] = [
  define(powerScope, {
    leaf: 'source',
    label: 'Power source',
    description: 'Where the machine draws power from.',
    unit: '1',
    kind: 'state',
    states: ['ac', 'battery', 'ups', 'unknown'],
    platforms: BOTH,
    get: (p) => p.source,
    prom: {
      name: 'darwinmetrics_power_source',
      help: 'Power source: 1 for the current source, 0 for the others.',
      stateLabel: 'source',
    },
  }),
  define(powerScope, {
    leaf: 'thermalPressure',
    label: 'Thermal pressure',
    description: 'macOS thermal pressure level (notify "com.apple.system.thermalpressurelevel").',
    unit: '1',
    kind: 'state',
    states: ['nominal', 'fair', 'serious', 'critical'],
    platforms: ['darwin'],
    note: 'Linux has no equivalent system-wide level.',
    get: (p) => p.thermalPressure,
    history: true,
    prom: {
      name: 'darwinmetrics_thermal_pressure',
      help: 'macOS thermal pressure: 1 for the current level, 0 for the others.',
    },
  }),
  define(adapterScope, {
    leaf: 'online',
    label: 'Online',
    description: '1 while the adapter supplies power.',
    unit: '1',
    kind: 'gauge',
    platforms: BOTH,
    get: (a) => flag(a.online),
    influx: 'int',
    prom: {
      name: 'node_power_supply_online',
      help: 'online value of /sys/class/power_supply/<power_supply>.',
    },
  }),
  define(adapterScope, {
    leaf: 'watts',
    label: 'Rated power',
    description: 'Rated power of the connected adapter.',
    unit: 'W',
    kind: 'gauge',
    platforms: BOTH,
    get: (a) => a.watts,
    prom: {
      name: 'darwinmetrics_power_adapter_watts',
      help: 'Rated power of the connected adapter.',
      unit: 'watts',
    },
  }),
  batteryValue(
    'percent',
    'Charge',
    'Charge level.',
    '%',
    supply('capacity', 'Battery charge in percent (capacity of /sys/class/power_supply/<power_supply>).'),
    { history: true, chart: 'battery' },
  ),
  define(batteryScope, {
    leaf: 'state',
    label: 'State',
    description: 'charging, discharging, full, not-charging or unknown.',
    unit: '1',
    kind: 'state',
    states: ['charging', 'discharging', 'full', 'not-charging', 'unknown'],
    platforms: BOTH,
    get: (b) => b.state,
  }),
  batteryValue(
    'cycleCount',
    'Cycle count',
    'Charge cycles.',
    '{cycle}',
    supply('cyclecount', 'Battery charge cycles.'),
    {
      influx: 'int',
    },
  ),
  batteryValue(
    'energyNowWh',
    'Energy',
    'Energy now.',
    'Wh',
    supply('energy_watthour', 'Battery energy now, watt-hours.'),
  ),
  batteryValue(
    'energyFullWh',
    'Energy when full',
    'Energy at full charge.',
    'Wh',
    supply('energy_full', 'Battery energy when full, watt-hours.'),
  ),
  batteryValue(
    'energyDesignWh',
    'Design energy',
    'Energy at full charge when new.',
    'Wh',
    supply('energy_full_design', 'Battery design energy, watt-hours.'),
  ),
  batteryValue(
    'voltageV',
    'Voltage',
    'Voltage now.',
    'V',
    supply('voltage_volt', 'Battery voltage.', 'volt'),
  ),
  batteryValue(
    'voltageMinDesignV',
    'Minimum design voltage',
    'Minimum design voltage.',
    'V',
    supply('voltage_min_design', 'Battery minimum design voltage, volts.'),
  ),
  batteryValue(
    'powerW',
    'Power',
    'Power flowing in or out, negative while discharging (Prometheus: the magnitude, as node_exporter).',
    'W',
    {
      ...supply(
        'power_watt',
        'Battery power, watts (absolute value, as node_exporter reports power_now).',
        'watt',
      ),
      scale: abs,
    },
    { history: true, chart: 'power' },
  ),
  batteryValue(
    'currentA',
    'Current',
    'Current, negative while discharging (Prometheus: the magnitude).',
    'A',
    { ...supply('current_ampere', 'Battery current, amperes (absolute value).', 'ampere'), scale: abs },
  ),
  batteryValue(
    'temperatureC',
    'Temperature',
    'Battery temperature.',
    '°C',
    supply('temp_celsius', 'Battery temperature.', 'celsius'),
  ),
  batteryValue(
    'healthPercent',
    'Health',
    'Full-charge capacity / design capacity.',
    '%',
    {
      name: 'darwinmetrics_battery_health_ratio',
      help: 'Full-charge capacity / design capacity (0-1).',
      unit: 'ratio',
      scale: toRatio,
    },
    { history: true },
  ),
  batteryValue('minutesToEmpty', 'Time to empty', 'Time to empty as the OS estimates it.', 'min', {
    name: 'darwinmetrics_battery_time_to_empty_seconds',
    help: 'Time to empty as the OS estimates it.',
    unit: 'seconds',
    scale: minToS,
  }),
  batteryValue('minutesToFull', 'Time to full', 'Time to full as the OS estimates it.', 'min', {
    name: 'darwinmetrics_battery_time_to_full_seconds',
    help: 'Time to full as the OS estimates it.',
    unit: 'seconds',
    scale: minToS,
  }),
];
