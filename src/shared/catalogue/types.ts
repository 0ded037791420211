/**
 * The shape of the metric catalogue (docs/metrics.md explains the naming scheme). A descriptor names
 * one quantity once; every output (history, CSV, JSONL, Prometheus, InfluxDB, alerts, the
 * dashboard) takes its names from it.
 */
import type { Platform } from '../raw';
import type { Sample } from '../sample';
import type { SectionName } from '../sections';

/**
 * - gauge: a value at the time of the sample (a percentage, a temperature).
 * - counter: a cumulative count since boot; outputs that track values over time (history, CSV,
 *   charts) use its per-second rate, `<id>PerSec`, while Prometheus and InfluxDB also get the total.
 * - state: one of a fixed list of words; history and alerts track its index, `<id>Level`.
 */
export type MetricKind = 'gauge' | 'counter' | 'state';

/**
 * Units as shown to people (UCUM-like symbols): the descriptor carries the unit, ids never need to
 * spell it (OpenTelemetry semantic conventions keep the unit out of the name the same way).
 */
export type Unit =
  | '%'
  | 'B'
  | 'B/s'
  | 'MHz'
  | 'W'
  | 'J'
  | 'V'
  | 'A'
  | 'Wh'
  | '°C'
  | 'rpm'
  | 's'
  | 'min'
  | 'ms'
  | 'ns'
  | 'Mbit/s'
  | '1'
  | '{switch}'
  | '{interrupt}'
  | '{packet}'
  | '{error}'
  | '{op}'
  | '{process}'
  | '{cycle}'
  | '{core}'
  | '{thread}';

/** Label pairs in output order (Prometheus labels, InfluxDB tags). */
export type LabelPairs = readonly (readonly [name: string, value: string])[];

export type InfluxType = 'float' | 'int' | 'bool' | 'string';

/** How a descriptor appears in Prometheus: node_exporter's name where it has the metric. */
export interface PromSpec<T = unknown> {
  readonly name: string;
  readonly help: string;
  /** Base unit that ends the name, for the OpenMetrics `# UNIT` line. */
  readonly unit?: string;
  /** From our unit to Prometheus base units (percent → ratio, MHz → Hz, minutes → seconds). */
  readonly scale?: (value: number) => number;
  /** Labels when they differ from the scope's (node_exporter's thermal zones). */
  readonly labels?: (item: T) => LabelPairs;
  /** Only items for which this holds (hwmon vs thermal-zone sensors use different families). */
  readonly when?: (item: T) => boolean;
  /** The value when it differs from the descriptor's getter (node_exporter's own definition). */
  readonly value?: (item: T) => number | undefined;
  /** For a state: the label that carries the word (default "level"). */
  readonly stateLabel?: string;
}

export interface MetricDescriptor<T = unknown> {
  /** Dotted id as a template: `disks.<device>.readBytes`; `<...>` stands for the instance key. */
  readonly id: string;
  /** Last part of the id after the scope's prefix ('' for a scope's one value, as `thermal.<sensor>`). */
  readonly leaf: string;
  /** Human label of the quantity ("Busy", "Read"); series labels prefix the instance name. */
  readonly label: string;
  readonly description: string;
  readonly unit: Unit;
  readonly kind: MetricKind;
  readonly section: SectionName;
  /** The scope: which items of the sample it is read from (scopes.ts). */
  readonly scope: ScopeName;
  /** Platforms whose backends provide it; `note` says why another does not, where that is known. */
  readonly platforms: readonly Platform[];
  readonly note?: string;
  /** Where the value sits in a Sample (JSONL records whole samples), relative to the scope's path. */
  readonly path: string;
  /** Counter only: where the rate sits, relative to the scope's path. */
  readonly ratePath?: string;
  /** The value (for a counter, the cumulative total). Undefined when this sample has none. */
  readonly get: (item: T) => number | string | undefined;
  /** Counter only: the per-second rate derive() computed. */
  readonly rate?: (item: T) => number | undefined;
  /** State only: the words, in level order. */
  readonly states?: readonly string[];
  /** Recorded in the history (and so alertable and chartable). */
  readonly history?: boolean;
  /** The dashboard chart it is drawn in. */
  readonly chart?: ChartKey;
  readonly prom?: PromSpec<T> | readonly PromSpec<T>[];
  /** InfluxDB field type (default: float for gauges, int for counter totals, string for states). */
  readonly influx?: InfluxType;
  /** Left out of InfluxDB points (a value Influx users get from another field). */
  readonly noInflux?: boolean;
}

export type ChartKey =
  | 'cpu'
  | 'cores'
  | 'scheduler'
  | 'gpu'
  | 'memory'
  | 'fans'
  | 'battery'
  | 'power'
  | 'disk'
  | 'net'
  | 'thermal';

export type ScopeName =
  | 'host'
  | 'cpu'
  | 'core'
  | 'cluster'
  | 'memory'
  | 'power'
  | 'adapter'
  | 'battery'
  | 'sensor'
  | 'fan'
  | 'gpu'
  | 'rail'
  | 'rails'
  | 'mount'
  | 'disk'
  | 'interface'
  | 'processes'
  | 'process';

export interface WalkOptions {
  /** How many of the busiest processes the `process` scope lists. */
  readonly topProcesses: number;
}

/** An attribute of an instance that is not a quantity (a process name): CSV and InfluxDB carry it. */
export interface Attribute<T> {
  readonly leaf: string;
  readonly get: (item: T) => string | number | boolean | undefined;
  readonly influx?: InfluxType;
  readonly csv?: boolean;
}

/** Where descriptors are read from: the section, its instances and how each output names them. */
export interface Scope<T> {
  readonly name: ScopeName;
  readonly section: SectionName;
  /** JSON path of the items in a Sample (`cpu.cores[]`), for docs/metrics.md. */
  readonly path: string;
  /** The id prefix as a template (`cpu.core.<cpu>`), for docs/metrics.md and id matching. */
  readonly template: string;
  /** The instance key's name in id templates and docs (`device`); absent for a single value. */
  readonly key?: string;
  /** Items in the sample, or undefined when the section is absent or failed. */
  readonly items: (sample: Sample, options: WalkOptions) => readonly T[] | undefined;
  /** Id prefix of an item: `disks.sda`. */
  readonly prefix: (item: T) => string;
  /** The instance as people name it ("Core 3", "eth0"); absent for a single value. */
  readonly title?: (item: T) => string;
  readonly promLabels: (item: T) => LabelPairs;
  readonly measurement: string;
  readonly influxTags: (item: T) => Readonly<Record<string, string | undefined>>;
  readonly attributes?: readonly Attribute<T>[];
  /** CSV addresses instances by rank (1 = first) in this many fixed slots, so columns stay fixed. */
  readonly csvSlots?: (options: WalkOptions) => number;
}

/** A descriptor with its sample type erased, as the catalogue table holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDescriptor = MetricDescriptor<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScope = Scope<any>;
