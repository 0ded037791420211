/**
 * Catalogue entries of the memory section. node_exporter's Linux names (node_memory_MemTotal_bytes)
 * fail promtool's snake_case lint; its Darwin collector's names (node_memory_total_bytes,
 * ..._wired_bytes) pass and fit both backends, so those are the ones used.
 */
import type { MemorySample } from '../sample';
import { define, toRatio } from './define';
import { memoryScope } from './scopes';
import type { Platform } from '../raw';
import type { AnyDescriptor, PromSpec } from './types';

const BOTH = ['linux', 'darwin'] as const;

function bytes(
  leaf:
    | 'totalBytes'
    | 'freeBytes'
    | 'availableBytes'
    | 'usedBytes'
    | 'cachedBytes'
    | 'wiredBytes'
    | 'compressedBytes'
    | 'appBytes'
    | 'swapTotalBytes'
    | 'swapUsedBytes',
  label: string,
  description: string,
  prom: PromSpec<MemorySample>,
  platforms: readonly Platform[] = BOTH,
): AnyDescriptor {
  return define(memoryScope, {
    leaf,
    label,
    description,
    unit: 'B',
    kind: 'gauge',
    platforms,
    get: (m) => m[leaf],
    influx: 'int',
    history: leaf === 'usedBytes',
    prom: { unit: 'bytes', ...prom },
  });
}

export const MEMORY_ENTRIES: readonly AnyDescriptor[] = [
  bytes('totalBytes', 'Memory total', 'Physical memory size.', {
    name: 'node_memory_total_bytes',
    help: 'Physical memory size.',
  }),
  bytes('freeBytes', 'Memory free', 'Memory not used for anything.', {
    name: 'node_memory_free_bytes',
    help: 'Memory not used for anything.',
  }),
  bytes('availableBytes', 'Memory available', 'Memory available for new work without swapping.', {
    name: 'darwinmetrics_memory_available_bytes',
    help: 'Memory available for new work without swapping.',
  }),
  bytes('usedBytes', 'Memory used', 'Linux: total - available; macOS: Activity Monitor "Memory Used".', {
    name: 'darwinmetrics_memory_used_bytes',
    help: 'Used memory (Linux: total - available; macOS: Activity Monitor "Memory Used").',
  }),
  bytes('cachedBytes', 'File cache', 'Linux: Cached + Buffers + SReclaimable; macOS: "Cached Files".', {
    name: 'darwinmetrics_memory_cached_bytes',
    help: 'File cache (Linux: Cached + Buffers + SReclaimable; macOS: "Cached Files").',
  }),
  bytes(
    'wiredBytes',
    'Wired memory',
    'Memory the kernel cannot page out.',
    { name: 'node_memory_wired_bytes', help: 'Wired memory (macOS).' },
    ['darwin'],
  ),
  bytes(
    'compressedBytes',
    'Compressed memory',
    'Memory held by the compressor.',
    { name: 'node_memory_compressed_bytes', help: 'Memory held by the compressor (macOS).' },
    ['darwin'],
  ),
  bytes(
    'appBytes',
    'App memory',
    'Activity Monitor "App Memory".',
    { name: 'darwinmetrics_memory_app_bytes', help: 'Activity Monitor "App Memory" (macOS).' },
    ['darwin'],
  ),
  bytes('swapTotalBytes', 'Swap total', 'Swap space size.', {
    name: 'node_memory_swap_total_bytes',
    help: 'Swap space size.',
  }),
  bytes('swapUsedBytes', 'Swap used', 'Swap space in use.', {
    name: 'node_memory_swap_used_bytes',
    help: 'Swap space used.',
  }),
  define(memoryScope, {
    leaf: 'usedPercent',
    label: 'Memory used',
    description: 'Used memory as a share of total.',
    unit: '%',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => m.usedPercent,
    history: true,
    chart: 'memory',
    prom: {
      name: 'darwinmetrics_memory_used_ratio',
      help: 'Used memory as a share of total (0-1).',
      unit: 'ratio',
      scale: toRatio,
    },
  }),
  define(memoryScope, {
    leaf: 'swapUsedPercent',
    label: 'Swap used',
    description: 'Used swap as a share of swap space.',
    unit: '%',
    kind: 'gauge',
    platforms: BOTH,
    get: (m) => m.swapUsedPercent,
    history: true,
    chart: 'memory',
  }),
  define(memoryScope, {
    leaf: 'pressure',
    label: 'Memory pressure',
    description:
      "macOS's own level, or on Linux a level derived from PSI; absent where the machine reports neither.",
    unit: '1',
    kind: 'state',
    states: ['normal', 'warning', 'critical'],
    platforms: BOTH,
    get: (m) => m.pressure,
    history: true,
    prom: {
      name: 'darwinmetrics_memory_pressure',
      help: 'Memory pressure level: 1 for the current level, 0 for the others.',
    },
  }),
  define(memoryScope, {
    leaf: 'psiSomeAvg10',
    path: 'psi.some.avg10',
    label: 'Memory stall (PSI some, 10 s)',
    description: 'Share of the last 10 s in which some task waited for memory (Linux PSI).',
    unit: '%',
    kind: 'gauge',
    platforms: ['linux'],
    get: (m) => m.psi?.some.avg10,
    history: true,
  }),
  define(memoryScope, {
    leaf: 'psiSomeSeconds',
    path: 'psi.some.totalUs',
    label: 'Memory waiting time',
    description: 'Total time some task waited for memory (Linux PSI "some" total).',
    unit: 's',
    kind: 'counter',
    platforms: ['linux'],
    get: (m) => (m.psi === undefined ? undefined : m.psi.some.totalUs / 1e6),
    prom: {
      name: 'node_pressure_memory_waiting_seconds_total',
      help: 'Total time in seconds that processes have waited for memory.',
      unit: 'seconds',
    },
  }),
  define(memoryScope, {
    leaf: 'psiFullSeconds',
    path: 'psi.full.totalUs',
    label: 'Memory stalled time',
    description: 'Total time no task could run for want of memory (Linux PSI "full" total).',
    unit: 's',
    kind: 'counter',
    platforms: ['linux'],
    get: (m) => (m.psi?.full === undefined ? undefined : m.psi.full.totalUs / 1e6),
    prom: {
      name: 'node_pressure_memory_stalled_seconds_total',
      help: 'Total time in seconds no process could make progress due to memory congestion.',
      unit: 'seconds',
    },
  }),
];
