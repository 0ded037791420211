/**
 * The InfluxDB points of one sample: one measurement per section (cpu, cpu_core, memory, power,
 * battery, temperature, fan, gpu, rail, system_power, filesystem, disk_io, net, processes, process),
 * tagged by host and instance, every field with the one type influx.ts fixes for it.
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { topProcesses } from './families-io';
import { bool, float, formatPoint, int, str, type FieldValue, type InfluxPoint } from './influx';

export interface InfluxOptions {
  /** Busiest processes to write (default 10). */
  readonly topProcesses?: number;
}

/** The points of one sample. Timestamps are in ms: write with `precision=ms`. */
export function influxPoints(sample: Sample, options: InfluxOptions = {}): InfluxPoint[] {
  const topN = options.topProcesses ?? 10;
  const out: InfluxPoint[] = [];
  const host = valueOf(sample.host)?.hostname;
  const add = (
    measurement: string,
    tags: Record<string, string | undefined>,
    fields: Record<string, FieldValue>,
  ) => out.push({ measurement, tags: { host, ...tags }, fields, t: sample.t });

  const cpu = valueOf(sample.cpu);
  if (cpu !== undefined) {
    const u = cpu.usage;
    add(
      'cpu',
      {},
      {
        busy_percent: float(u?.busy),
        user_percent: float(u?.user),
        system_percent: float(u?.system),
        iowait_percent: float(u?.iowait),
        load1: float(cpu.loadAvg[0]),
        load5: float(cpu.loadAvg[1]),
        load15: float(cpu.loadAvg[2]),
      },
    );
    for (const core of cpu.cores)
      add(
        'cpu_core',
        { cpu: String(core.id) },
        { busy_percent: float(core.usage?.busy), mhz: float(core.mhz) },
      );
  }
  const mem = valueOf(sample.memory);
  if (mem !== undefined) {
    add(
      'memory',
      {},
      {
        total_bytes: int(mem.totalBytes),
        free_bytes: int(mem.freeBytes),
        available_bytes: int(mem.availableBytes),
        used_bytes: int(mem.usedBytes),
        cached_bytes: int(mem.cachedBytes),
        swap_total_bytes: int(mem.swapTotalBytes),
        swap_used_bytes: int(mem.swapUsedBytes),
        used_percent: float(mem.usedPercent),
        pressure: str(mem.pressure),
      },
    );
  }
  const power = valueOf(sample.power);
  if (power !== undefined) {
    add('power', {}, { source: str(power.source), thermal_pressure: str(power.thermalPressure) });
    for (const b of power.batteries) {
      add(
        'battery',
        { battery: b.id },
        {
          percent: float(b.percent),
          state: str(b.state),
          cycle_count: int(b.cycleCount),
          health_percent: float(b.healthPercent),
          power_w: float(b.powerW),
          voltage_v: float(b.voltageV),
          temperature_c: float(b.temperatureC),
          minutes_to_empty: float(b.minutesToEmpty),
          minutes_to_full: float(b.minutesToFull),
        },
      );
    }
  }
  for (const s of valueOf(sample.thermal)?.sensors ?? []) {
    add(
      'temperature',
      { chip: s.chip, sensor: s.sensor, group: s.group },
      { celsius: float(s.celsius), label: str(s.label) },
    );
  }
  for (const f of valueOf(sample.fans)?.fans ?? []) {
    add(
      'fan',
      { chip: f.chip, sensor: f.sensor },
      { rpm: float(f.rpm), min_rpm: float(f.minRpm), max_rpm: float(f.maxRpm), label: str(f.label) },
    );
  }
  for (const g of valueOf(sample.gpu)?.gpus ?? []) {
    add(
      'gpu',
      { gpu: g.id },
      {
        utilization_percent: float(g.utilizationPercent),
        memory_used_bytes: int(g.memoryUsedBytes),
        memory_total_bytes: int(g.memoryTotalBytes),
        temperature_c: float(g.temperatureC),
        power_w: float(g.powerW),
        frequency_mhz: float(g.frequencyMhz),
      },
    );
  }
  const rails = valueOf(sample.rails);
  for (const r of rails?.rails ?? [])
    add('rail', { rail: r.name }, { energy_j: float(r.energyJ), watts: float(r.watts) });
  if (rails !== undefined)
    add(
      'system_power',
      {},
      { system_w: float(rails.systemW), battery_w: float(rails.batteryW), dc_in_w: float(rails.dcInW) },
    );
  const disks = valueOf(sample.disks);
  for (const m of disks?.mounts ?? []) {
    add(
      'filesystem',
      { mount: m.mount, device: m.device, fstype: m.fsType },
      {
        total_bytes: int(m.totalBytes),
        used_bytes: int(m.usedBytes),
        available_bytes: int(m.availableBytes),
        used_percent: float(m.usedPercent),
      },
    );
  }
  for (const d of disks?.devices ?? []) {
    add(
      'disk_io',
      { device: d.name },
      {
        read_bytes: int(d.readBytes),
        write_bytes: int(d.writeBytes),
        read_ops: int(d.readOps),
        write_ops: int(d.writeOps),
        read_bytes_per_sec: float(d.readBytesPerSec),
        write_bytes_per_sec: float(d.writeBytesPerSec),
        busy_percent: float(d.busyPercent),
      },
    );
  }
  for (const i of valueOf(sample.network)?.interfaces ?? []) {
    add(
      'net',
      { interface: i.name, kind: i.kind },
      {
        up: bool(i.up),
        rx_bytes: int(i.rxBytes),
        tx_bytes: int(i.txBytes),
        rx_packets: int(i.rxPackets),
        tx_packets: int(i.txPackets),
        rx_errors: int(i.rxErrors),
        tx_errors: int(i.txErrors),
        rx_bytes_per_sec: float(i.rxBytesPerSec),
        tx_bytes_per_sec: float(i.txBytesPerSec),
      },
    );
  }
  const procs = valueOf(sample.processes);
  if (procs !== undefined) {
    add('processes', {}, { count: int(procs.count) });
    // The name is a string field, not a tag: it is attacker-controlled and would blow up series cardinality.
    for (const p of topProcesses(procs.processes, topN)) {
      add(
        'process',
        { pid: String(p.pid) },
        {
          name: str(p.name),
          cpu_percent: float(p.cpuPercent),
          rss_bytes: int(p.rssBytes),
          threads: int(p.threads),
        },
      );
    }
  }
  return out;
}

/** Line protocol for one sample, one point per line. */
export function sampleInflux(sample: Sample, options?: InfluxOptions): string[] {
  const lines: string[] = [];
  for (const p of influxPoints(sample, options)) {
    const line = formatPoint(p);
    if (line !== undefined) lines.push(line);
  }
  return lines;
}
