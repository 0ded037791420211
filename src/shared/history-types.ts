/** History query types shared by the engine, the IPC contract and the web API. */

export { HISTORY_RANGE_MS, HISTORY_RANGES, type HistoryRange } from './history-ranges';
export type { HistoryQuery } from './payload-schemas';
import type { HistoryRange } from './history-ranges';

/**
 * A series id names one number tracked over time, dot-separated from the section down:
 * `cpu.busy`, `cpu.core.3.busy`, `memory.usedPercent`, `thermal.<sensor id>`, `fans.<fan id>.rpm`,
 * `power.battery.<id>.percent`, `network.<iface>.rxBytesPerSec`, `disks.<device>.readBytesPerSec`,
 * `gpu.<id>.utilizationPercent`, `rails.<name>.watts`, `process.<pid>.cpuPercent`.
 * core/history defines the full list it records (`seriesOf(sample)`).
 */
export type SeriesId = string;

export interface SeriesInfo {
  readonly id: SeriesId;
  /** Human label ("CPU busy", "Core 3", "Package id 0"). */
  readonly label: string;
  /** Unit of the values: '%', '°C', 'rpm', 'B/s', 'W', 'MHz', 'B', 'ops/s'. */
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
