/**
 * Catalogue entries of filesystems, disk I/O, network interfaces (node_exporter's names) and the
 * busiest processes (`darwinmetrics_process_*`).
 */
import type { DiskIoSample, InterfaceSample, ProcessSample } from '../sample';
import { define, flag, mbitToBytes, msToS, nsToS, toRatio } from './define';
import { diskScope, ifaceScope, mountScope, procScope, processesScope } from './scopes';
import type { AnyDescriptor, ChartKey, Unit } from './types';

const BOTH = ['linux', 'darwin'] as const;

const mounts: AnyDescriptor[] = [
  define(mountScope, {
    leaf: 'totalBytes',
    label: 'Size',
    description: 'Filesystem size.',
    unit: 'B',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => m.totalBytes,
    influx: 'int',
    prom: { name: 'node_filesystem_size_bytes', help: 'Filesystem size in bytes.', unit: 'bytes' },
  }),
  define(mountScope, {
    leaf: 'usedBytes',
    label: 'Used',
    description: 'Space in use.',
    unit: 'B',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => m.usedBytes,
    influx: 'int',
  }),
  define(mountScope, {
    leaf: 'availableBytes',
    label: 'Available',
    description: 'Space available to non-root users.',
    unit: 'B',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => m.availableBytes,
    influx: 'int',
    prom: {
      name: 'node_filesystem_avail_bytes',
      help: 'Filesystem space available to non-root users in bytes.',
      unit: 'bytes',
    },
  }),
  define(mountScope, {
    leaf: 'freeBytes',
    path: 'totalBytes - usedBytes',
    label: 'Free',
    description: 'Space not in use, including the part reserved for root (size - used).',
    unit: 'B',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => m.totalBytes - m.usedBytes,
    influx: 'int',
    prom: { name: 'node_filesystem_free_bytes', help: 'Filesystem free space in bytes.', unit: 'bytes' },
  }),
  define(mountScope, {
    leaf: 'usedPercent',
    label: 'Used',
    description: 'used / (used + available), as df shows it.',
    unit: '%',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => m.usedPercent,
    history: true,
  }),
  define(mountScope, {
    leaf: 'readOnly',
    label: 'Read-only',
    description: '1 when mounted read-only.',
    unit: '1',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => flag(m.readOnly),
    influx: 'int',
    prom: { name: 'node_filesystem_readonly', help: 'Filesystem read-only status.' },
  }),
];

type DiskCounter = 'readBytes' | 'writeBytes' | 'readOps' | 'writeOps';

function diskCounter(
  leaf: DiskCounter,
  label: string,
  unit: Unit,
  prom: string,
  help: string,
  chart?: ChartKey,
): AnyDescriptor {
  const rateOf = `${leaf}PerSec` as `${DiskCounter}PerSec`;
  return define(diskScope, {
    leaf,
    ratePath: rateOf,
    label,
    description: `${help} (Linux /proc/diskstats; macOS IOBlockStorageDriver statistics).`,
    unit,
    kind: 'counter',
    platforms: BOTH,
    get: (d) => d[leaf],
    rate: (d: DiskIoSample) => d[rateOf],
    history: chart !== undefined,
    ...(chart === undefined ? {} : { chart }),
    prom: unit === 'B' ? { name: prom, help, unit: 'bytes' } : { name: prom, help },
  });
}

/** A process's cumulative storage bytes (the processIo section), with derive's rate beside it. */
function procDisk(
  leaf: 'diskReadBytes' | 'diskWriteBytes',
  label: string,
  prom: string,
  help: string,
): AnyDescriptor {
  const rateOf = `${leaf}PerSec` as const;
  return define(procScope, {
    leaf,
    ratePath: rateOf,
    label,
    description: `${help} by the process (Linux /proc/<pid>/io; macOS proc_pid_rusage), with the processIo section.`,
    unit: 'B',
    kind: 'counter',
    platforms: BOTH,
    get: (p) => p[leaf],
    rate: (p: ProcessSample) => p[rateOf],
    history: true,
    influx: 'int',
    prom: { name: prom, help: `${help} by the busiest processes.`, unit: 'bytes' },
  });
}

function diskTime(
  leaf: 'readTimeMs' | 'writeTimeMs' | 'ioTimeMs',
  label: string,
  prom: string,
  help: string,
) {
  return define(diskScope, {
    leaf,
    label,
    description: help,
    unit: 'ms',
    kind: 'counter',
    platforms: leaf === 'ioTimeMs' ? ['linux'] : BOTH,
    get: (d) => d[leaf],
    prom: { name: prom, help, unit: 'seconds', scale: msToS },
  });
}

const disks: AnyDescriptor[] = [
  diskCounter(
    'readBytes',
    'Read',
    'B',
    'node_disk_read_bytes_total',
    'The total number of bytes read successfully.',
    'disk',
  ),
  diskCounter(
    'writeBytes',
    'Write',
    'B',
    'node_disk_written_bytes_total',
    'The total number of bytes written successfully.',
    'disk',
  ),
  diskCounter(
    'readOps',
    'Reads',
    '{op}',
    'node_disk_reads_completed_total',
    'The total number of reads completed successfully.',
  ),
  diskCounter(
    'writeOps',
    'Writes',
    '{op}',
    'node_disk_writes_completed_total',
    'The total number of writes completed successfully.',
  ),
  diskTime(
    'readTimeMs',
    'Read time',
    'node_disk_read_time_seconds_total',
    'The total number of seconds spent by all reads.',
  ),
  diskTime(
    'writeTimeMs',
    'Write time',
    'node_disk_write_time_seconds_total',
    'This is the total number of seconds spent by all writes.',
  ),
  diskTime('ioTimeMs', 'I/O time', 'node_disk_io_time_seconds_total', 'Total seconds spent doing I/Os.'),
  define(diskScope, {
    leaf: 'busyPercent',
    label: 'Busy',
    description: 'Share of the interval the device had I/O in flight (Linux io_ticks).',
    unit: '%',
    kind: 'gauge',
    platforms: ['linux'],
    get: (d) => d.busyPercent,
    history: true,
  }),
];

type NetCounter =
  'rxBytes' | 'txBytes' | 'rxPackets' | 'txPackets' | 'rxErrors' | 'txErrors' | 'rxDrops' | 'txDrops';
const NET_COUNTERS: readonly (readonly [NetCounter, string, Unit, string])[] = [
  ['rxBytes', 'In', 'B', 'receive_bytes'],
  ['txBytes', 'Out', 'B', 'transmit_bytes'],
  ['rxPackets', 'Packets in', '{packet}', 'receive_packets'],
  ['txPackets', 'Packets out', '{packet}', 'transmit_packets'],
  ['rxErrors', 'Receive errors', '{error}', 'receive_errs'],
  ['txErrors', 'Transmit errors', '{error}', 'transmit_errs'],
  ['rxDrops', 'Receive drops', '{packet}', 'receive_drop'],
  ['txDrops', 'Transmit drops', '{packet}', 'transmit_drop'],
];

const RATES: Partial<Record<NetCounter, keyof InterfaceSample>> = {
  rxBytes: 'rxBytesPerSec',
  txBytes: 'txBytesPerSec',
  rxPackets: 'rxPacketsPerSec',
  txPackets: 'txPacketsPerSec',
};

/** node_exporter's definition: 1 only when the kernel's operstate is "up" (loopback says "unknown"). */
export function operstateUp(i: InterfaceSample): boolean {
  return i.operstate === undefined ? i.up : i.operstate === 'up';
}

const network: AnyDescriptor[] = [
  ...NET_COUNTERS.map(([leaf, label, unit, what]) => {
    const ratePath = RATES[leaf];
    const bytes = unit === 'B';
    return define(ifaceScope, {
      leaf,
      ...(ratePath === undefined
        ? {}
        : { ratePath, rate: (i: InterfaceSample) => i[ratePath] as number | undefined }),
      label,
      description: `Network device statistic ${what} (Linux /proc/net/dev; macOS if_data).`,
      unit,
      kind: 'counter',
      platforms: BOTH,
      get: (i) => i[leaf],
      history: bytes,
      ...(bytes ? { chart: 'net' as const } : {}),
      prom: {
        name: `node_network_${what}_total`,
        help: `Network device statistic ${what}.`,
        ...(bytes ? { unit: 'bytes' } : {}),
      },
    });
  }),
  define(ifaceScope, {
    leaf: 'operstateUp',
    path: 'operstate',
    label: 'Link up',
    description:
      '1 when the operational state is "up" (node_exporter\'s definition; loopback is "unknown", so 0).',
    unit: '1',
    kind: 'gauge',
    platforms: BOTH,
    get: (i) => flag(operstateUp(i)),
    influx: 'bool',
    prom: { name: 'node_network_up', help: "Value is 1 if operstate is 'up', 0 otherwise." },
  }),
  define(ifaceScope, {
    leaf: 'mtu',
    label: 'MTU',
    description: 'Largest packet the interface sends.',
    unit: 'B',
    kind: 'gauge',
    platforms: BOTH,
    get: (i) => i.mtu,
    influx: 'int',
    prom: { name: 'node_network_mtu_bytes', help: 'Network device property: mtu_bytes', unit: 'bytes' },
  }),
  define(ifaceScope, {
    leaf: 'speedMbps',
    label: 'Link speed',
    description: 'Negotiated link speed (Prometheus: bytes per second, as node_exporter).',
    unit: 'Mbit/s',
    kind: 'gauge',
    platforms: BOTH,
    get: (i) => i.speedMbps,
    prom: {
      name: 'node_network_speed_bytes',
      help: 'Network device property: speed_bytes',
      unit: 'bytes',
      scale: mbitToBytes,
    },
  }),
];

const processes: AnyDescriptor[] = [
  define(processesScope, {
    leaf: 'count',
    label: 'Processes',
    description: 'Number of processes.',
    unit: '{process}',
    kind: 'gauge',
    platforms: BOTH,
    get: (p) => p.count,
    influx: 'int',
    prom: { name: 'darwinmetrics_processes', help: 'Number of processes.' },
  }),
  define(procScope, {
    leaf: 'cpuPercent',
    label: 'CPU',
    description: 'CPU share of one of the busiest processes (100 % = one core busy).',
    unit: '%',
    kind: 'gauge',
    platforms: BOTH,
    get: (p) => p.cpuPercent,
    history: true,
    prom: {
      name: 'darwinmetrics_process_cpu_ratio',
      help: 'CPU share of the busiest processes (1 = one core busy).',
      unit: 'ratio',
      scale: toRatio,
    },
  }),
  define(procScope, {
    leaf: 'cpuTimeNs',
    label: 'CPU time',
    description: 'CPU time used since the process started.',
    unit: 'ns',
    kind: 'counter',
    platforms: BOTH,
    get: (p) => p.cpuTimeNs,
    prom: {
      name: 'darwinmetrics_process_cpu_seconds_total',
      help: 'CPU time of the busiest processes.',
      unit: 'seconds',
      scale: nsToS,
    },
  }),
  define(procScope, {
    leaf: 'rssBytes',
    label: 'Memory',
    description: 'Resident memory.',
    unit: 'B',
    kind: 'gauge',
    platforms: BOTH,
    get: (p) => p.rssBytes,
    history: true,
    influx: 'int',
    prom: {
      name: 'darwinmetrics_process_resident_memory_bytes',
      help: 'Resident memory of the busiest processes.',
      unit: 'bytes',
    },
  }),
  procDisk('diskReadBytes', 'Disk read', 'darwinmetrics_process_disk_read_bytes_total', 'Storage bytes read'),
  procDisk(
    'diskWriteBytes',
    'Disk written',
    'darwinmetrics_process_disk_written_bytes_total',
    'Storage bytes written',
  ),
  define(procScope, {
    leaf: 'gpuPercent',
    label: 'GPU',
    description:
      'Busiest GPU engine’s share of the interval used by the process (Linux DRM fdinfo, and NVIDIA NVML’s per-process SM, encoder and decoder utilisation; macOS accelerator client GPU time), with the processGpu section.',
    unit: '%',
    kind: 'gauge',
    platforms: BOTH,
    get: (p) => p.gpuPercent,
    history: true,
    prom: {
      name: 'darwinmetrics_process_gpu_ratio',
      help: 'GPU engine share of the busiest processes (1 = an engine busy the whole interval).',
      unit: 'ratio',
      scale: toRatio,
    },
  }),
  define(procScope, {
    leaf: 'gpuMemoryBytes',
    label: 'GPU memory',
    description:
      'GPU memory the process’s clients hold, where the driver reports it (Linux DRM fdinfo, and NVML’s per-process memory on NVIDIA’s driver).',
    unit: 'B',
    kind: 'gauge',
    platforms: ['linux'],
    get: (p) => p.gpuMemoryBytes,
    influx: 'int',
    prom: {
      name: 'darwinmetrics_process_gpu_memory_bytes',
      help: 'GPU memory of the busiest processes.',
      unit: 'bytes',
    },
  }),
  define(procScope, {
    leaf: 'powerW',
    label: 'Power',
    description:
      'Average power over the interval: measured from the process’s energy counter on macOS; on Linux an estimate, the RAPL package power shared by CPU time.',
    unit: 'W',
    kind: 'gauge',
    platforms: BOTH,
    get: (p) => p.powerW,
    history: true,
    prom: {
      name: 'darwinmetrics_process_power_watts',
      help: 'Power of the busiest processes (an estimate on Linux).',
    },
  }),
  define(procScope, {
    leaf: 'threads',
    label: 'Threads',
    description: "Threads of the process (not readable for other users' processes on macOS).",
    unit: '{thread}',
    kind: 'gauge',
    platforms: BOTH,
    get: (p) => p.threads,
    influx: 'int',
  }),
];

export const IO_ENTRIES: readonly AnyDescriptor[] = [...mounts, ...disks, ...network, ...processes];
