/** Catalogue entries of the host and cpu sections. */
import type { AnyDescriptor } from './types';
import { define, mhzToHz, msToS, toRatio } from './define';
import { clusterScope, coreScope, cpuScope, hostScope } from './scopes';

const BOTH = ['linux', 'darwin'] as const;
const CPU_MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
const NO_MACH_COUNTER =
  'macOS keeps no system-wide count: host_statistics64 and processor_set_statistics carry none ' +
  '(<mach/host_info.h>, <mach/processor_info.h>); per-task counts vanish with their task.';

const host = [
  define(hostScope, {
    leaf: 'bootTimeMs',
    label: 'Boot time',
    description: 'When the machine booted, ms since the epoch.',
    unit: 'ms',
    kind: 'gauge',
    platforms: BOTH,
    get: (h) => h.bootTimeMs,
    prom: {
      name: 'node_boot_time_seconds',
      help: 'Node boot time, in unixtime.',
      unit: 'seconds',
      scale: msToS,
    },
  }),
  define(hostScope, {
    leaf: 'uptimeSec',
    label: 'Uptime',
    description: 'Time since boot.',
    unit: 's',
    kind: 'gauge',
    platforms: BOTH,
    get: (h) => h.uptimeSec,
    prom: { name: 'darwinmetrics_uptime_seconds', help: 'Time since boot.', unit: 'seconds' },
  }),
];

const shares = (['busy', 'user', 'system', 'iowait'] as const).map((mode) =>
  define(cpuScope, {
    leaf: mode,
    path: `usage.${mode}`,
    label: mode === 'busy' ? 'CPU busy' : mode === 'iowait' ? 'CPU I/O wait' : `CPU ${mode}`,
    description:
      mode === 'busy'
        ? 'Share of all CPU time not idle and not waiting for I/O, over the interval.'
        : `Share of all CPU time spent in ${mode} mode, over the interval.`,
    unit: '%',
    kind: 'gauge',
    platforms: mode === 'iowait' ? ['linux'] : BOTH,
    get: (c) => c.usage?.[mode],
    history: true,
    ...(mode === 'busy'
      ? {
          chart: 'cpu' as const,
          prom: {
            name: 'darwinmetrics_cpu_busy_ratio',
            help: 'Share of all CPU time that was busy over the last interval (0-1).',
            unit: 'ratio',
            scale: toRatio,
          },
        }
      : {}),
  }),
);

const loads = ([1, 5, 15] as const).map((minutes, i) =>
  define(cpuScope, {
    leaf: `load${minutes}`,
    path: `loadAvg[${i}]`,
    label: `Load average (${minutes} min)`,
    description: `Run-queue length averaged over ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    unit: '1',
    kind: 'gauge',
    platforms: BOTH,
    get: (c) => c.loadAvg[i],
    history: minutes === 1,
    prom: { name: `node_load${minutes}`, help: `${minutes}m load average.` },
  }),
);

const counts = [
  define(cpuScope, {
    leaf: 'logicalCores',
    label: 'Logical CPUs',
    description: 'Logical CPUs (hardware threads).',
    unit: '{core}',
    kind: 'gauge',
    platforms: BOTH,
    get: (c) => c.logicalCores,
    influx: 'int',
    prom: { name: 'darwinmetrics_cpu_logical_cores', help: 'Logical CPUs.' },
  }),
  define(cpuScope, {
    leaf: 'physicalCores',
    label: 'Physical cores',
    description: 'Physical CPU cores.',
    unit: '{core}',
    kind: 'gauge',
    platforms: BOTH,
    get: (c) => c.physicalCores,
    influx: 'int',
    prom: { name: 'darwinmetrics_cpu_physical_cores', help: 'Physical CPU cores.' },
  }),
];

/** The scheduler counters of issue 11 §7: one entry each reaches every output. */
const scheduler = [
  define(cpuScope, {
    leaf: 'contextSwitches',
    path: 'contextSwitchesTotal',
    ratePath: 'contextSwitchesPerSec',
    label: 'Context switches',
    description: 'Context switches on all CPUs (proc(5) /proc/stat "ctxt").',
    unit: '{switch}',
    kind: 'counter',
    platforms: ['linux'],
    note: NO_MACH_COUNTER,
    get: (c) => c.contextSwitchesTotal,
    rate: (c) => c.contextSwitchesPerSec,
    history: true,
    chart: 'scheduler',
    prom: { name: 'node_context_switches_total', help: 'Total number of context switches.' },
  }),
  define(cpuScope, {
    leaf: 'interrupts',
    path: 'interruptsTotal',
    ratePath: 'interruptsPerSec',
    label: 'Interrupts',
    description: 'Interrupts serviced on all CPUs (proc(5) /proc/stat "intr", first field).',
    unit: '{interrupt}',
    kind: 'counter',
    platforms: ['linux'],
    note: NO_MACH_COUNTER,
    get: (c) => c.interruptsTotal,
    rate: (c) => c.interruptsPerSec,
    history: true,
    chart: 'scheduler',
    prom: { name: 'node_intr_total', help: 'Total number of interrupts serviced.' },
  }),
];

const cores = [
  define(coreScope, {
    leaf: 'busy',
    path: 'usage.busy',
    label: 'Busy',
    description: 'Share of the interval this logical CPU was busy.',
    unit: '%',
    kind: 'gauge',
    platforms: BOTH,
    get: (c) => c.usage?.busy,
    history: true,
    chart: 'cores',
    prom: {
      name: 'darwinmetrics_cpu_core_busy_ratio',
      help: 'Share of the interval each CPU was busy (0-1).',
      unit: 'ratio',
      scale: toRatio,
    },
  }),
  define(coreScope, {
    leaf: 'mhz',
    label: 'Frequency',
    description: 'Current frequency (cpufreq scaling_cur_freq; macOS where the hardware tells).',
    unit: 'MHz',
    kind: 'gauge',
    platforms: BOTH,
    get: (c) => c.mhz,
    history: true,
    prom: {
      name: 'node_cpu_scaling_frequency_hertz',
      help: 'Current scaled CPU thread frequency in hertz.',
      unit: 'hertz',
      scale: mhzToHz,
    },
  }),
  ...CPU_MODES.map((mode) =>
    define(coreScope, {
      leaf: `secondsTotal.${mode}`,
      label: `Time in ${mode}`,
      description: `Seconds this CPU spent in ${mode} mode since boot.`,
      unit: 's',
      kind: 'counter',
      platforms: BOTH,
      get: (c) => c.secondsTotal?.[mode],
      noInflux: true,
      prom: {
        name: 'node_cpu_seconds_total',
        help: 'Seconds the CPUs spent in each mode.',
        unit: 'seconds',
        labels: (c) => [
          ['cpu', String(c.id)],
          ['mode', mode],
        ],
      },
    }),
  ),
];

const clusters = [
  define(clusterScope, {
    leaf: 'activePercent',
    label: 'Active',
    description: 'Share of the interval an Apple Silicon CPU cluster was active (IOReport residency).',
    unit: '%',
    kind: 'gauge',
    platforms: ['darwin'],
    get: (c) => c.activePercent,
    history: true,
    prom: {
      name: 'darwinmetrics_cpu_cluster_active_ratio',
      help: 'Share of the interval a CPU cluster was active (0-1).',
      unit: 'ratio',
      scale: toRatio,
    },
  }),
  define(clusterScope, {
    leaf: 'mhz',
    label: 'Frequency',
    description: 'Residency-weighted average frequency over the active states.',
    unit: 'MHz',
    kind: 'gauge',
    platforms: ['darwin'],
    get: (c) => c.mhz,
    history: true,
    prom: {
      name: 'darwinmetrics_cpu_cluster_frequency_hertz',
      help: 'Residency-weighted average frequency of a CPU cluster over its active states.',
      unit: 'hertz',
      scale: mhzToHz,
    },
  }),
];

export const CPU_ENTRIES: readonly AnyDescriptor[] = [
  ...host,
  ...shares,
  ...loads,
  ...counts,
  ...scheduler,
  ...cores,
  ...clusters,
];
