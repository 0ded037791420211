/**
 * The dashboard's charts: each catalogue entry with a `chart` key is drawn in that chart and is in
 * the export list. Temperatures are split by sensor group and network by interface at draw time.
 */
import type { ChartKey } from './types';

export interface ChartDef {
  readonly key: ChartKey;
  readonly title: string;
}

/** In display order; `thermal` and `net` expand to one chart per sensor group / interface. */
export const CHARTS: readonly ChartDef[] = [
  { key: 'cpu', title: 'CPU total' },
  { key: 'cores', title: 'CPU per core' },
  { key: 'scheduler', title: 'Context switches and interrupts' },
  { key: 'gpu', title: 'GPU' },
  { key: 'memory', title: 'Memory and swap' },
  { key: 'fans', title: 'Fans' },
  { key: 'battery', title: 'Battery charge' },
  { key: 'power', title: 'Power' },
  { key: 'disk', title: 'Disk I/O' },
  { key: 'thermal', title: 'Temperatures' },
  { key: 'net', title: 'Network' },
];
