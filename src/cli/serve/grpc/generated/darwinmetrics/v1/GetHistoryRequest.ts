// Original file: proto/darwinmetrics/v1/metrics.proto

import type { HistoryRange as _darwinmetrics_v1_HistoryRange, HistoryRange__Output as _darwinmetrics_v1_HistoryRange__Output } from '../../darwinmetrics/v1/HistoryRange';

export interface GetHistoryRequest {
  /**
   * Series ids as ListSeries returns them, e.g. "cpu.busy", "memory.usedPercent".
   */
  'series'?: (string)[];
  'range'?: (_darwinmetrics_v1_HistoryRange);
  /**
   * 1 to 10000.
   */
  'maxPoints'?: (number);
}

export interface GetHistoryRequest__Output {
  /**
   * Series ids as ListSeries returns them, e.g. "cpu.busy", "memory.usedPercent".
   */
  'series': (string)[];
  'range': (_darwinmetrics_v1_HistoryRange__Output);
  /**
   * 1 to 10000.
   */
  'maxPoints': (number);
}
