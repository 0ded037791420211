/**
 * InfluxDB line protocol (https://docs.influxdata.com/influxdb/v1/write_protocols/line_protocol_reference/).
 * Every field has one type, fixed here by its name, never by the value at hand (a battery at exactly
 * 81 % is still the float field `percent`): InfluxDB rejects a write whose field type differs from
 * the one already stored in the shard. Non-finite numbers and empty tag values are left out.
 */
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
