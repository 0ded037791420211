/**
 * Catalogue entries of temperatures, fans, GPUs and power rails: node_exporter's hwmon and
 * thermal_zone names where they apply, `darwinmetrics_*` for SMC sensors, GPUs and rails.
 */
import type { RawFan } from '../raw';
import type { GpuSample, TempSensorSample } from '../sample';
import { define, mhzToHz, toRatio } from './define';
import { fanScope, gpuScope, railScope, railsScope, sensorScope } from './scopes';
import type { AnyDescriptor, ChartKey, InfluxType, PromSpec, Unit } from './types';

const BOTH = ['linux', 'darwin'] as const;
const hwmon = (s: TempSensorSample): boolean => s.kind === 'hwmon';

const temperatures: AnyDescriptor[] = [
  define(sensorScope, {
    leaf: '',
    path: 'celsius',
    label: 'Temperature',
    description: 'Temperature of one sensor (hwmon, thermal zone, SMC key or GPU).',
    unit: '°C',
    kind: 'gauge',
    platforms: BOTH,
    get: (s) => s.celsius,
    history: true,
    chart: 'thermal',
    prom: [
      {
        name: 'node_hwmon_temp_celsius',
        help: 'Hardware monitor for temperature (input)',
        unit: 'celsius',
        when: hwmon,
      },
      {
        name: 'node_thermal_zone_temp',
        help: 'Zone temperature in Celsius',
        when: (s) => s.kind === 'thermal-zone',
        // node_exporter labels a zone by its number: thermal_zone3 → zone="3".
        labels: (s) => [
          ['type', s.zoneType ?? s.label ?? ''],
          ['zone', /^thermal_zone(\d+)$/.exec(s.chip)?.[1] ?? s.chip],
        ],
      },
      {
        name: 'darwinmetrics_temperature_celsius',
        help: 'Temperature of an SMC or GPU sensor.',
        unit: 'celsius',
        when: (s) => s.kind !== 'hwmon' && s.kind !== 'thermal-zone',
      },
    ],
  }),
  define(sensorScope, {
    leaf: 'maxC',
    label: 'High limit',
    description: 'The temperature the hardware calls high (hwmon temp*_max).',
    unit: '°C',
    kind: 'gauge',
    platforms: ['linux'],
    get: (s) => s.maxC,
    prom: {
      name: 'node_hwmon_temp_max_celsius',
      help: 'Hardware monitor for temperature (max)',
      unit: 'celsius',
      when: hwmon,
    },
  }),
  define(sensorScope, {
    leaf: 'critC',
    label: 'Critical limit',
    description: 'The temperature the hardware calls critical (hwmon temp*_crit).',
    unit: '°C',
    kind: 'gauge',
    platforms: ['linux'],
    get: (s) => s.critC,
    prom: {
      name: 'node_hwmon_temp_crit_celsius',
      help: 'Hardware monitor for temperature (crit)',
      unit: 'celsius',
      when: hwmon,
    },
  }),
];

const FAN_FIELDS = [
  ['rpm', 'Fan speed', 'input'],
  ['minRpm', 'Minimum speed', 'min'],
  ['maxRpm', 'Maximum speed', 'max'],
  ['targetRpm', 'Target speed', 'target'],
] as const satisfies readonly (readonly [keyof RawFan, string, string])[];

const fans: AnyDescriptor[] = FAN_FIELDS.map(([leaf, label, what]) =>
  define(fanScope, {
    leaf,
    label,
    description: `${label} of one fan (hwmon fan*_${what}; SMC F<n>Ac/Mn/Mx/Tg).`,
    unit: 'rpm',
    kind: 'gauge',
    platforms: BOTH,
    get: (f) => f[leaf],
    history: leaf === 'rpm',
    ...(leaf === 'rpm' ? { chart: 'fans' as const } : {}),
    prom: {
      name: leaf === 'rpm' ? 'node_hwmon_fan_rpm' : `node_hwmon_fan_${what}_rpm`,
      help: `Hardware monitor for fan revolutions per minute (${what})`,
    },
  }),
);

function gpuValue(
  leaf:
    | 'utilizationPercent'
    | 'memoryUsedBytes'
    | 'memoryTotalBytes'
    | 'temperatureC'
    | 'powerW'
    | 'frequencyMhz',
  label: string,
  unit: Unit,
  prom: PromSpec<GpuSample>,
  extra: { history?: boolean; chart?: ChartKey; influx?: InfluxType } = {},
): AnyDescriptor {
  return define(gpuScope, {
    leaf,
    label,
    description: `GPU ${label.toLowerCase()} (Linux amdgpu sysfs or NVML; macOS IOAccelerator/IOReport).`,
    unit,
    kind: 'gauge',
    platforms: BOTH,
    get: (g) => g[leaf],
    prom,
    ...extra,
  });
}

const gpus: AnyDescriptor[] = [
  gpuValue(
    'utilizationPercent',
    'Busy',
    '%',
    {
      name: 'darwinmetrics_gpu_utilization_ratio',
      help: 'GPU utilization over the last interval (0-1).',
      unit: 'ratio',
      scale: toRatio,
    },
    { history: true, chart: 'gpu' },
  ),
  gpuValue(
    'memoryUsedBytes',
    'Memory used',
    'B',
    { name: 'darwinmetrics_gpu_memory_used_bytes', help: 'GPU memory in use.', unit: 'bytes' },
    { history: true, influx: 'int' },
  ),
  gpuValue(
    'memoryTotalBytes',
    'Memory total',
    'B',
    { name: 'darwinmetrics_gpu_memory_total_bytes', help: 'GPU memory size.', unit: 'bytes' },
    { influx: 'int' },
  ),
  gpuValue('temperatureC', 'Temperature', '°C', {
    name: 'darwinmetrics_gpu_temperature_celsius',
    help: 'GPU temperature.',
    unit: 'celsius',
  }),
  gpuValue(
    'powerW',
    'Power',
    'W',
    { name: 'darwinmetrics_gpu_power_watts', help: 'GPU power draw.', unit: 'watts' },
    { history: true, chart: 'power' },
  ),
  gpuValue(
    'frequencyMhz',
    'Frequency',
    'MHz',
    {
      name: 'darwinmetrics_gpu_frequency_hertz',
      help: 'GPU clock frequency.',
      unit: 'hertz',
      scale: mhzToHz,
    },
    { history: true },
  ),
];

const SMC_POWER = [
  ['systemW', 'System power', 'Whole-system power (SMC PSTR).', 'darwinmetrics_system_power_watts'],
  ['batteryW', 'Battery power (SMC)', 'Battery power (SMC PPBR).', 'darwinmetrics_battery_power_watts'],
  ['dcInW', 'DC in power', 'DC input power (SMC PDTR).', 'darwinmetrics_dc_in_power_watts'],
] as const;

const rails: AnyDescriptor[] = [
  define(railScope, {
    leaf: 'energyJ',
    label: 'Energy',
    description: 'Cumulative energy of a power rail (Linux RAPL, macOS IOReport Energy Model).',
    unit: 'J',
    kind: 'counter',
    platforms: BOTH,
    get: (r) => r.energyJ,
    prom: {
      name: 'darwinmetrics_rail_energy_joules_total',
      help: 'Cumulative energy of a power rail (RAPL, IOReport Energy Model).',
      unit: 'joules',
    },
  }),
  define(railScope, {
    leaf: 'watts',
    label: 'Power',
    description: 'Average power of a rail over the interval.',
    unit: 'W',
    kind: 'gauge',
    platforms: BOTH,
    get: (r) => r.watts,
    history: true,
    chart: 'power',
    prom: {
      name: 'darwinmetrics_rail_power_watts',
      help: 'Average power of a rail over the last interval.',
      unit: 'watts',
    },
  }),
  ...SMC_POWER.map(([leaf, label, help, name]) =>
    define(railsScope, {
      leaf,
      label,
      description: help,
      unit: 'W',
      kind: 'gauge',
      platforms: ['darwin'],
      get: (r) => r[leaf],
      history: true,
      chart: 'power',
      prom: { name, help, unit: 'watts' },
    }),
  ),
];

export const SENSOR_ENTRIES: readonly AnyDescriptor[] = [...temperatures, ...fans, ...gpus, ...rails];
