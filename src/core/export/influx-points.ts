/**
 * The InfluxDB points of one sample, from the metric catalogue (docs/metrics.md): one measurement
 * per scope (cpu, cpu_core, memory, battery, temperature, disk_io, net, process, ...), tagged by
 * host and the scope's instance tags. A field is the snake_case of the entry's id leaf
 * (`readBytes` → `read_bytes`); a counter also writes its rate (`read_bytes_per_sec`). Every field
 * has the one type its entry fixes (influx.ts explains why that matters).
 */
import {
  influxField,
  influxRateField,
  PLANS,
  snakeCase,
  type AnyDescriptor,
  type AnyScope,
  type Attribute,
  type InfluxType,
} from '../../shared/catalogue';
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { bool, float, formatPoint, int, str, type FieldValue, type InfluxPoint } from './influx';

export interface InfluxOptions {
  /** Busiest processes to write (default 10). */
  readonly topProcesses?: number;
}

interface Field {
  readonly name: string;
  readonly type: InfluxType;
  readonly get: (item: unknown) => number | string | boolean | undefined;
}

function fieldValue(type: InfluxType, v: number | string | boolean | undefined): FieldValue {
  switch (type) {
    case 'float':
      return float(typeof v === 'number' ? v : undefined);
    case 'int':
      return int(typeof v === 'number' ? v : undefined);
    case 'bool':
      return bool(v === undefined ? undefined : typeof v === 'boolean' ? v : v !== 0);
    case 'string':
      return str(v === undefined ? undefined : String(v));
  }
}

function fieldsOf(d: AnyDescriptor): Field[] {
  if (d.noInflux === true) return [];
  const name = influxField(d);
  if (d.kind === 'state') return [{ name, type: d.influx ?? 'string', get: d.get }];
  if (d.kind === 'gauge') return [{ name, type: d.influx ?? 'float', get: d.get }];
  const total: Field = { name, type: d.influx ?? 'int', get: d.get };
  const rate = d.rate;
  return rate === undefined ? [total] : [total, { name: influxRateField(d), type: 'float', get: rate }];
}

const attributeField = (a: Attribute<unknown>): Field[] =>
  a.influx === undefined ? [] : [{ name: snakeCase(a.leaf), type: a.influx, get: a.get }];

const INFLUX_PLANS: readonly { readonly scope: AnyScope; readonly fields: readonly Field[] }[] = PLANS.map(
  (p) => ({
    scope: p.scope,
    fields: [...(p.scope.attributes ?? []).flatMap(attributeField), ...p.all.flatMap(fieldsOf)],
  }),
).filter((p) => p.fields.length > 0);

/** The points of one sample. Timestamps are in ms: write with `precision=ms`. */
export function influxPoints(sample: Sample, options: InfluxOptions = {}): InfluxPoint[] {
  const walk = { topProcesses: options.topProcesses ?? 10 };
  const out: InfluxPoint[] = [];
  const host = valueOf(sample.host)?.hostname;
  for (const { scope, fields } of INFLUX_PLANS) {
    const items = scope.items(sample, walk);
    if (items === undefined) continue;
    for (const item of items) {
      const values: Record<string, FieldValue> = {};
      for (const f of fields) values[f.name] = fieldValue(f.type, f.get(item));
      out.push({
        measurement: scope.measurement,
        tags: { host, ...scope.influxTags(item) },
        fields: values,
        t: sample.t,
      });
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
