/** History query types shared by the engine, the IPC contract and the web API. */

/** The time ranges the dashboard offers. */
export const HISTORY_RANGES = ['1m', '5m', '15m', '1h', '24h', '7d', '30d', '90d', '1y'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

export const HISTORY_RANGE_MS: Readonly<Record<HistoryRange, number>> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
  '30d': 2_592_000_000,
  '90d': 7_776_000_000,
  // 365 days: the tiers keep whole days (core/history/tier.ts tiersForDays).
  '1y': 31_536_000_000,
};

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

export interface HistoryQuery {
  readonly series: readonly SeriesId[];
  readonly range: HistoryRange;
  /** The most points per series the caller can draw (its pixel width). */
  readonly maxPoints: number;
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
