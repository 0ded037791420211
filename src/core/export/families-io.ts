/**
 * Metric families for filesystems, disk I/O, network interfaces (node_exporter's names) and the
 * busiest processes (`darwinmetrics_process_*`).
 */
import { valueOf } from '../../shared/metric-result';
import { topProcesses } from '../../shared/process-rank';
import type { Sample } from '../../shared/sample';
import type { FamilyBuilder } from './family';
import { msToS, ratio } from './units';

export function addDiskFamilies(b: FamilyBuilder, sample: Sample): void {
  const disks = valueOf(sample.disks);
  if (disks === undefined) return;
  const size = b.family('node_filesystem_size_bytes', 'gauge', 'Filesystem size in bytes.', 'bytes');
  const avail = b.family(
    'node_filesystem_avail_bytes',
    'gauge',
    'Filesystem space available to non-root users in bytes.',
    'bytes',
  );
  const free = b.family('node_filesystem_free_bytes', 'gauge', 'Filesystem free space in bytes.', 'bytes');
  const ro = b.family('node_filesystem_readonly', 'gauge', 'Filesystem read-only status.');
  for (const m of disks.mounts) {
    const l: [string, string][] = [
      ['device', m.device],
      ['fstype', m.fsType],
      ['mountpoint', m.mount],
    ];
    size(m.totalBytes, l);
    avail(m.availableBytes, l);
    free(m.totalBytes - m.usedBytes, l);
    ro(m.readOnly === undefined ? undefined : m.readOnly ? 1 : 0, l);
  }
  const c = (name: string, help: string, unit?: string) =>
    b.family(`node_disk_${name}`, 'counter', help, unit);
  const readB = c('read_bytes_total', 'The total number of bytes read successfully.', 'bytes');
  const writeB = c('written_bytes_total', 'The total number of bytes written successfully.', 'bytes');
  const reads = c('reads_completed_total', 'The total number of reads completed successfully.');
  const writes = c('writes_completed_total', 'The total number of writes completed successfully.');
  const readT = c('read_time_seconds_total', 'The total number of seconds spent by all reads.', 'seconds');
  const writeT = c(
    'write_time_seconds_total',
    'This is the total number of seconds spent by all writes.',
    'seconds',
  );
  const ioT = c('io_time_seconds_total', 'Total seconds spent doing I/Os.', 'seconds');
  for (const d of disks.devices) {
    const l: [string, string][] = [['device', d.name]];
    readB(d.readBytes, l);
    writeB(d.writeBytes, l);
    reads(d.readOps, l);
    writes(d.writeOps, l);
    readT(msToS(d.readTimeMs), l);
    writeT(msToS(d.writeTimeMs), l);
    ioT(msToS(d.ioTimeMs), l);
  }
}

export function addNetworkFamilies(b: FamilyBuilder, sample: Sample): void {
  const net = valueOf(sample.network);
  if (net === undefined) return;
  const c = (name: string, what: string, unit?: string) =>
    b.family(`node_network_${name}`, 'counter', `Network device statistic ${what}.`, unit);
  const counters = [
    [c('receive_bytes_total', 'receive_bytes', 'bytes'), 'rxBytes'],
    [c('transmit_bytes_total', 'transmit_bytes', 'bytes'), 'txBytes'],
    [c('receive_packets_total', 'receive_packets'), 'rxPackets'],
    [c('transmit_packets_total', 'transmit_packets'), 'txPackets'],
    [c('receive_errs_total', 'receive_errs'), 'rxErrors'],
    [c('transmit_errs_total', 'transmit_errs'), 'txErrors'],
    [c('receive_drop_total', 'receive_drop'), 'rxDrops'],
    [c('transmit_drop_total', 'transmit_drop'), 'txDrops'],
  ] as const;
  const up = b.family('node_network_up', 'gauge', "Value is 1 if operstate is 'up', 0 otherwise.");
  const mtu = b.family('node_network_mtu_bytes', 'gauge', 'Network device property: mtu_bytes', 'bytes');
  const speed = b.family(
    'node_network_speed_bytes',
    'gauge',
    'Network device property: speed_bytes',
    'bytes',
  );
  const info = b.family(
    'node_network_info',
    'gauge',
    'Non-numeric data of a network device; the value is always 1.',
  );
  for (const i of net.interfaces) {
    const l: [string, string][] = [['device', i.name]];
    for (const [add, key] of counters) add(i[key], l);
    up(i.up ? 1 : 0, l);
    mtu(i.mtu, l);
    // speed is in Mbit/s; node_exporter reports bytes per second.
    speed(i.speedMbps === undefined ? undefined : (i.speedMbps * 1e6) / 8, l);
    info(1, [
      ...l,
      ['address', i.mac ?? ''],
      ['operstate', i.operstate ?? (i.up ? 'up' : 'down')],
      ['kind', i.kind],
    ]);
  }
}

export { topProcesses } from '../../shared/process-rank';

export function addProcessFamilies(b: FamilyBuilder, sample: Sample, topN: number): void {
  const procs = valueOf(sample.processes);
  if (procs === undefined) return;
  b.family('darwinmetrics_processes', 'gauge', 'Number of processes.')(procs.count);
  const cpu = b.family(
    'darwinmetrics_process_cpu_ratio',
    'gauge',
    `CPU share of the top ${topN} processes (1 = one core busy).`,
    'ratio',
  );
  const cpuT = b.family(
    'darwinmetrics_process_cpu_seconds_total',
    'counter',
    `CPU time of the top ${topN} processes.`,
    'seconds',
  );
  const rss = b.family(
    'darwinmetrics_process_resident_memory_bytes',
    'gauge',
    `Resident memory of the top ${topN} processes.`,
    'bytes',
  );
  for (const p of topProcesses(procs.processes, topN)) {
    const l: [string, string][] = [
      ['pid', String(p.pid)],
      ['name', p.name],
    ];
    cpu(ratio(p.cpuPercent), l);
    cpuT(p.cpuTimeNs / 1e9, l);
    rss(p.rssBytes, l);
  }
}
