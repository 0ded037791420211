/** Builds a descriptor from its scope: the id, section and JSON path follow from scope and leaf. */
import type { MetricDescriptor, Scope } from './types';

export type DescriptorSpec<T> = Omit<MetricDescriptor<T>, 'id' | 'section' | 'scope' | 'path'> & {
  readonly path?: string;
};

export function define<T>(scope: Scope<T>, spec: DescriptorSpec<T>): MetricDescriptor<T> {
  const id = spec.leaf === '' ? scope.template : `${scope.template}.${spec.leaf}`;
  return { ...spec, id, section: scope.section, scope: scope.name, path: spec.path ?? spec.leaf };
}

/** Unit conversions to Prometheus base units (node_exporter's: seconds, bytes, hertz, ratio 0–1). */
export const toRatio = (percent: number): number => percent / 100;
export const mhzToHz = (mhz: number): number => mhz * 1e6;
export const msToS = (ms: number): number => ms / 1000;
export const minToS = (min: number): number => min * 60;
export const nsToS = (ns: number): number => ns / 1e9;
/** Mbit/s → bytes/s, as node_exporter's node_network_speed_bytes. */
export const mbitToBytes = (mbit: number): number => (mbit * 1e6) / 8;
export const flag = (value: boolean | undefined): number | undefined =>
  value === undefined ? undefined : value ? 1 : 0;
