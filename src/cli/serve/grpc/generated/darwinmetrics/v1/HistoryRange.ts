// Original file: proto/darwinmetrics/v1/metrics.proto

export const HistoryRange = {
  HISTORY_RANGE_UNSPECIFIED: 'HISTORY_RANGE_UNSPECIFIED',
  HISTORY_RANGE_1M: 'HISTORY_RANGE_1M',
  HISTORY_RANGE_5M: 'HISTORY_RANGE_5M',
  HISTORY_RANGE_15M: 'HISTORY_RANGE_15M',
  HISTORY_RANGE_1H: 'HISTORY_RANGE_1H',
  HISTORY_RANGE_24H: 'HISTORY_RANGE_24H',
  HISTORY_RANGE_7D: 'HISTORY_RANGE_7D',
} as const;

export type HistoryRange =
  | 'HISTORY_RANGE_UNSPECIFIED'
  | 0
  | 'HISTORY_RANGE_1M'
  | 1
  | 'HISTORY_RANGE_5M'
  | 2
  | 'HISTORY_RANGE_15M'
  | 3
  | 'HISTORY_RANGE_1H'
  | 4
  | 'HISTORY_RANGE_24H'
  | 5
  | 'HISTORY_RANGE_7D'
  | 6

export type HistoryRange__Output = typeof HistoryRange[keyof typeof HistoryRange]
