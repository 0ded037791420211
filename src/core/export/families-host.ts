/**
 * Metric families for section health, host, cpu and memory. Names follow node_exporter where it has
 * one (checked against its own end-to-end output for its fixture tree,
 * https://github.com/prometheus/node_exporter/blob/master/collector/fixtures/e2e-output.txt),
 * `darwinmetrics_*` for the rest, in base units (seconds, bytes, ratio 0–1).
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { SECTIONS } from '../../shared/sections';
import type { FamilyBuilder } from './family';
import { ratio } from './units';

const CPU_MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
const PRESSURE_LEVELS = ['normal', 'warning', 'critical'] as const;

export function addSectionFamilies(b: FamilyBuilder, sample: Sample): void {
  const up = b.family(
    'darwinmetrics_section_up',
    'gauge',
    'Whether the section was read in the last sample (1) or failed (0); see the error label.',
  );
  for (const name of SECTIONS) {
    const result = sample[name];
    if (result === undefined) continue;
    up(
      result.ok ? 1 : 0,
      result.ok
        ? [['section', name]]
        : [
            ['section', name],
            ['error', result.error.reason],
          ],
    );
  }
  b.family(
    'darwinmetrics_sample_time_seconds',
    'gauge',
    'Wall-clock time of the sample, seconds since the epoch.',
    'seconds',
  )(sample.t / 1000);
}

export function addHostFamilies(b: FamilyBuilder, sample: Sample): void {
  const host = valueOf(sample.host);
  if (host === undefined) return;
  b.family(
    'node_boot_time_seconds',
    'gauge',
    'Node boot time, in unixtime.',
    'seconds',
  )(host.bootTimeMs / 1000);
  b.family('darwinmetrics_uptime_seconds', 'gauge', 'Time since boot.', 'seconds')(host.uptimeSec);
  const labels: [string, string][] = [
    ['platform', host.platform],
    ['arch', host.arch],
    ['nodename', host.hostname],
    ['os_name', host.osName],
    ['os_version', host.osVersion],
    ['kernel', host.kernel],
  ];
  if (host.model !== undefined) labels.push(['model', host.model]);
  b.family('darwinmetrics_host_info', 'gauge', 'Host description; the value is always 1.')(1, labels);
}

export function addCpuFamilies(b: FamilyBuilder, sample: Sample): void {
  const cpu = valueOf(sample.cpu);
  if (cpu === undefined) return;
  const seconds = b.family(
    'node_cpu_seconds_total',
    'counter',
    'Seconds the CPUs spent in each mode.',
    'seconds',
  );
  cpu.coreSecondsTotal.forEach((core, i) => {
    for (const mode of CPU_MODES)
      seconds(core[mode], [
        ['cpu', String(i)],
        ['mode', mode],
      ]);
  });
  b.family('node_load1', 'gauge', '1m load average.')(cpu.loadAvg[0]);
  b.family('node_load5', 'gauge', '5m load average.')(cpu.loadAvg[1]);
  b.family('node_load15', 'gauge', '15m load average.')(cpu.loadAvg[2]);
  b.family('darwinmetrics_cpu_logical_cores', 'gauge', 'Logical CPUs.')(cpu.logicalCores);
  b.family('darwinmetrics_cpu_physical_cores', 'gauge', 'Physical CPU cores.')(cpu.physicalCores);
  b.family(
    'darwinmetrics_cpu_busy_ratio',
    'gauge',
    'Share of all CPU time that was busy over the last interval (0-1).',
    'ratio',
  )(ratio(cpu.usage?.busy));
  const coreBusy = b.family(
    'darwinmetrics_cpu_core_busy_ratio',
    'gauge',
    'Share of the interval each CPU was busy (0-1).',
    'ratio',
  );
  const freq = b.family(
    'node_cpu_scaling_frequency_hertz',
    'gauge',
    'Current scaled CPU thread frequency in hertz.',
    'hertz',
  );
  for (const core of cpu.cores) {
    coreBusy(ratio(core.usage?.busy), [['cpu', String(core.id)]]);
    freq(core.mhz === undefined ? undefined : core.mhz * 1e6, [['cpu', String(core.id)]]);
  }
  const clusterFreq = b.family(
    'darwinmetrics_cpu_cluster_frequency_hertz',
    'gauge',
    'Residency-weighted average frequency of a CPU cluster over its active states.',
    'hertz',
  );
  const clusterActive = b.family(
    'darwinmetrics_cpu_cluster_active_ratio',
    'gauge',
    'Share of the interval a CPU cluster was active (0-1).',
    'ratio',
  );
  for (const cluster of cpu.clusters ?? []) {
    clusterFreq(cluster.mhz === undefined ? undefined : cluster.mhz * 1e6, [['cluster', cluster.name]]);
    clusterActive(ratio(cluster.activePercent), [['cluster', cluster.name]]);
  }
}

export function addMemoryFamilies(b: FamilyBuilder, sample: Sample): void {
  const mem = valueOf(sample.memory);
  if (mem === undefined) return;
  // node_exporter's Linux names (node_memory_MemTotal_bytes) fail promtool's snake_case lint; its
  // Darwin collector's names (node_memory_total_bytes, ..._wired_bytes) pass, and fit both backends.
  b.family('node_memory_total_bytes', 'gauge', 'Physical memory size.', 'bytes')(mem.totalBytes);
  b.family('node_memory_free_bytes', 'gauge', 'Memory not used for anything.', 'bytes')(mem.freeBytes);
  b.family('node_memory_wired_bytes', 'gauge', 'Wired memory (macOS).', 'bytes')(mem.wiredBytes);
  b.family(
    'node_memory_compressed_bytes',
    'gauge',
    'Memory held by the compressor (macOS).',
    'bytes',
  )(mem.compressedBytes);
  b.family('node_memory_swap_total_bytes', 'gauge', 'Swap space size.', 'bytes')(mem.swapTotalBytes);
  b.family('node_memory_swap_used_bytes', 'gauge', 'Swap space used.', 'bytes')(mem.swapUsedBytes);
  b.family(
    'darwinmetrics_memory_available_bytes',
    'gauge',
    'Memory available for new work without swapping.',
    'bytes',
  )(mem.availableBytes);
  b.family(
    'darwinmetrics_memory_used_bytes',
    'gauge',
    'Used memory (Linux: total - available; macOS: Activity Monitor "Memory Used").',
    'bytes',
  )(mem.usedBytes);
  b.family(
    'darwinmetrics_memory_cached_bytes',
    'gauge',
    'File cache (Linux: Cached + Buffers + SReclaimable; macOS: "Cached Files").',
    'bytes',
  )(mem.cachedBytes);
  b.family(
    'darwinmetrics_memory_app_bytes',
    'gauge',
    'Activity Monitor "App Memory" (macOS).',
    'bytes',
  )(mem.appBytes);
  b.family(
    'darwinmetrics_memory_used_ratio',
    'gauge',
    'Used memory as a share of total (0-1).',
    'ratio',
  )(ratio(mem.usedPercent));
  // No level at all where the machine reports none (no PSI): absent, not "normal".
  const pressure = mem.pressure;
  if (pressure !== undefined) {
    const level = b.family(
      'darwinmetrics_memory_pressure',
      'gauge',
      'Memory pressure level: 1 for the current level, 0 for the others.',
    );
    for (const l of PRESSURE_LEVELS) level(pressure === l ? 1 : 0, [['level', l]]);
  }
  const psi = mem.psi;
  if (psi !== undefined) {
    b.family(
      'node_pressure_memory_waiting_seconds_total',
      'counter',
      'Total time in seconds that processes have waited for memory.',
      'seconds',
    )(psi.some.totalUs / 1e6);
    b.family(
      'node_pressure_memory_stalled_seconds_total',
      'counter',
      'Total time in seconds no process could make progress due to memory congestion.',
      'seconds',
    )(psi.full === undefined ? undefined : psi.full.totalUs / 1e6);
  }
}
