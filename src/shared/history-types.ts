/** History query types shared by the engine, the IPC contract and the web API. */

export { HISTORY_RANGE_MS, HISTORY_RANGES, type HistoryRange } from './history-ranges';
export type { HistoryQuery } from './payload-schemas';
import type { HistoryRange } from './history-ranges';

/**
 * A series id names one number tracked over time, dot-separated from the section down:
 * `cpu.busy`, `cpu.core.3.busy`, `memory.usedPercent`, `thermal.<sensor id>`, `fans.<fan id>.rpm`,
 * `power.battery.<id>.powerW`, `network.<iface>.rxBytesPerSec`, `disks.<device>.readBytesPerSec`,
 * `gpu.<id>.utilizationPercent`, `rails.<name>.watts`, `process.<pid>.cpuPercent`.
 * The metric catalogue (src/shared/catalogue, listed in docs/metrics.md) defines every one.
 */
export type SeriesId = string;

export interface SeriesInfo {
  readonly id: SeriesId;
  /** Human label ("CPU busy", "Core 3", "Package id 0"). */
  readonly label: string;
  /** Unit of the values: '%', '°C', 'rpm', 'B/s', 'W', 'MHz', 'B', '/s' (docs/metrics.md). */
  readonly unit: string;
}

/** One series over a range, decimated: columns of equal length; min/max keep the peaks. */
export interface HistorySeries {
  readonly id: SeriesId;
  readonly t: readonly number[];
  readonly avg: readonly number[];
  readonly min: readonly number[];
  readonly max: readonly number[];
}

export interface HistoryResult {
  readonly range: HistoryRange;
  readonly fromMs: number;
  readonly toMs: number;
  readonly series: readonly HistorySeries[];
}
