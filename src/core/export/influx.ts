/**
 * InfluxDB line protocol (https://docs.influxdata.com/influxdb/v1/write_protocols/line_protocol_reference/).
 * Every field has one type, fixed here by its name, never by the value at hand (a battery at exactly
 * 81 % is still the float field `percent`): InfluxDB rejects a write whose field type differs from
 * the one already stored in the shard. Non-finite numbers and empty tag values are left out.
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { topProcesses } from './families-hardware';
import { wellFormed } from './text';

export type FieldValue =
  | { readonly kind: 'float'; readonly v: number | undefined }
  | { readonly kind: 'int'; readonly v: number | undefined }
  | { readonly kind: 'string'; readonly v: string | undefined }
  | { readonly kind: 'bool'; readonly v: boolean | undefined };

export const float = (v: number | undefined): FieldValue => ({ kind: 'float', v });
export const int = (v: number | undefined): FieldValue => ({ kind: 'int', v });
export const str = (v: string | undefined): FieldValue => ({ kind: 'string', v });
export const bool = (v: boolean | undefined): FieldValue => ({ kind: 'bool', v });

export interface InfluxPoint {
  readonly measurement: string;
  readonly tags: Readonly<Record<string, string | undefined>>;
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Wall clock, ms since the epoch. */
  readonly t: number;
}

// Line protocol has no escape for line breaks in names and tags: they become spaces.
const noBreaks = (s: string) => s.replace(/[\r\n]/g, ' ');
const utf8 = wellFormed;

/** Measurement names escape commas and spaces. */
export const escapeMeasurement = (s: string) => noBreaks(utf8(s)).replace(/[\\, ]/g, (c) => `\\${c}`);
/** Tag keys, tag values and field keys escape commas, equals signs and spaces. */
export const escapeKey = (s: string) => noBreaks(utf8(s)).replace(/[\\,= ]/g, (c) => `\\${c}`);
/** String field values are double-quoted, escaping double quotes and backslashes. */
export const quoteString = (s: string) => `"${utf8(s).replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function formatField(f: FieldValue): string | undefined {
  switch (f.kind) {
    case 'float':
      return f.v !== undefined && Number.isFinite(f.v) ? String(f.v) : undefined;
    case 'int':
      // Integers are written with the `i` suffix; a counter is whole, Math.trunc guards a stray fraction.
      return f.v !== undefined && Number.isFinite(f.v) ? `${Math.trunc(f.v)}i` : undefined;
    case 'string':
      return f.v === undefined ? undefined : quoteString(f.v);
    case 'bool':
      return f.v === undefined ? undefined : f.v ? 'true' : 'false';
  }
}

/** One line, or undefined when no field has a value (a point needs at least one field). */
export function formatPoint(p: InfluxPoint): string | undefined {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(p.fields)) {
    const text = formatField(value);
    if (text !== undefined) fields.push(`${escapeKey(key)}=${text}`);
  }
  if (fields.length === 0) return undefined;
  const tags = Object.entries(p.tags)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) // sorted tags are InfluxDB's recommendation for write speed
    .map(([k, v]) => `,${escapeKey(k)}=${escapeKey(v)}`)
    .join('');
  return `${escapeMeasurement(p.measurement)}${tags} ${fields.join(',')} ${Math.round(p.t)}`;
}

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
