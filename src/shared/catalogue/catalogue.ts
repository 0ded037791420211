/**
 * The metric catalogue (issue 11): every named number that leaves the engine, once. Outputs take
 * their names from here: history series, CSV columns, Prometheus families, InfluxDB fields, alert
 * metrics, the dashboard's charts and export list, docs/metrics.md. Adding a metric is one entry
 * in an entries-*.ts file plus its native read.
 */
import { CPU_ENTRIES } from './entries-cpu';
import { IO_ENTRIES } from './entries-io';
import { MEMORY_ENTRIES } from './entries-memory';
import { POWER_ENTRIES } from './entries-power';
import { SENSOR_ENTRIES } from './entries-sensors';
import { SCOPES } from './scopes';
import type { AnyDescriptor, AnyScope, MetricDescriptor, PromSpec, Unit } from './types';

export const CATALOGUE: readonly AnyDescriptor[] = [
  ...CPU_ENTRIES,
  ...MEMORY_ENTRIES,
  ...POWER_ENTRIES,
  ...SENSOR_ENTRIES,
  ...IO_ENTRIES,
];

/** A descriptor as one of the time-series outputs (history, CSV, charts) tracks it. */
export interface Tracked {
  readonly descriptor: AnyDescriptor;
  /** Appended to the scope's id prefix: `.busy`, `.readBytesPerSec`, `.pressureLevel`, `''`. */
  readonly suffix: string;
  readonly unit: string;
  /** What follows the instance's name in a series label (" read"; '' for `thermal.<sensor>`). */
  readonly labelTail: string;
  /** The number the history records (trackedNumber, resolved once per entry for speed). */
  readonly read: (item: unknown) => unknown;
}

/** The descriptors of one scope, prepared for each output. */
export interface ScopePlan {
  readonly scope: AnyScope;
  readonly all: readonly AnyDescriptor[];
  /** Recorded in the history: numbers (a counter's rate, a state's level). */
  readonly history: readonly Tracked[];
  /** CSV columns: gauges, states (their word) and counter rates. */
  readonly csv: readonly Tracked[];
}

/** The unit of a counter's per-second rate. */
export function rateUnit(unit: Unit): string {
  if (unit === 'J') return 'W';
  if (unit.startsWith('{')) return '/s';
  return `${unit}/s`;
}

const dot = (leaf: string): string => (leaf === '' ? '' : `.${leaf}`);

function tracked(d: AnyDescriptor, suffix: string, unit: string): Tracked {
  const read =
    d.kind === 'gauge'
      ? d.get
      : d.kind === 'counter' && d.rate
        ? d.rate
        : (item: unknown) => trackedNumber(d, item);
  return { descriptor: d, suffix, unit, labelTail: d.leaf === '' ? '' : ` ${lowerFirst(d.label)}`, read };
}

function historyTracked(d: AnyDescriptor): Tracked | undefined {
  if (d.history !== true) return undefined;
  if (d.kind === 'counter') return d.rate ? tracked(d, `${dot(d.leaf)}PerSec`, rateUnit(d.unit)) : undefined;
  if (d.kind === 'state') return tracked(d, `${dot(d.leaf)}Level`, '');
  return tracked(d, dot(d.leaf), d.unit === '1' ? '' : d.unit);
}

function csvTracked(d: AnyDescriptor): Tracked | undefined {
  if (d.kind === 'counter') return d.rate ? tracked(d, `${dot(d.leaf)}PerSec`, rateUnit(d.unit)) : undefined;
  return tracked(d, dot(d.leaf), d.unit === '1' ? '' : d.unit);
}

const defined = <T>(v: T | undefined): v is T => v !== undefined;

export const PLANS: readonly ScopePlan[] = SCOPES.map((scope) => {
  const all = CATALOGUE.filter((d) => d.scope === scope.name);
  return {
    scope,
    all,
    history: all.map(historyTracked).filter(defined),
    csv: all.map(csvTracked).filter(defined),
  };
});

/** The number a history series records for an item (a counter's rate, a state's level index). */
export function trackedNumber(d: AnyDescriptor, item: unknown): number | undefined {
  if (d.kind === 'counter') return d.rate?.(item);
  const v = d.get(item);
  if (d.kind === 'state') {
    const level = typeof v === 'string' ? (d.states?.indexOf(v) ?? -1) : -1;
    return level >= 0 ? level : undefined;
  }
  return typeof v === 'number' ? v : undefined;
}

/** The CSV cell of an item: a gauge's value, a state's word, a counter's rate. */
export function trackedCell(d: AnyDescriptor, item: unknown): number | string | undefined {
  return d.kind === 'counter' ? d.rate?.(item) : d.get(item);
}

/** Human label of one series: the quantity, after the instance's name (scope.title) where there is one. */
export function seriesLabel(title: string | undefined, t: Tracked): string {
  return title === undefined ? t.descriptor.label : title + t.labelTail;
}

/** "Read" → "read" after an instance name; acronyms ("CPU", "MTU") stay as they are. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The Prometheus specs of a descriptor as a list. */
export function promSpecs<T>(d: MetricDescriptor<T>): readonly PromSpec<T>[] {
  const p = d.prom;
  if (p === undefined) return [];
  return Array.isArray(p) ? (p as readonly PromSpec<T>[]) : [p as PromSpec<T>];
}

/** snake_case of a leaf, for InfluxDB field names: `readBytesPerSec` → `read_bytes_per_sec`. */
export function snakeCase(text: string): string {
  return text
    .replace(/\./g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The InfluxDB field of an entry: the snake_case of its id leaf (its JSON path for `thermal.<sensor>`). */
export function influxField(d: AnyDescriptor): string {
  return snakeCase(d.leaf === '' ? d.path : d.leaf);
}

/** The InfluxDB field of a counter's rate. */
export function influxRateField(d: AnyDescriptor): string {
  return `${influxField(d)}_per_sec`;
}
