// Original file: proto/darwinmetrics/v1/metrics.proto

import type { HistoryRange as _darwinmetrics_v1_HistoryRange, HistoryRange__Output as _darwinmetrics_v1_HistoryRange__Output } from '../../darwinmetrics/v1/HistoryRange';
import type { HistorySeries as _darwinmetrics_v1_HistorySeries, HistorySeries__Output as _darwinmetrics_v1_HistorySeries__Output } from '../../darwinmetrics/v1/HistorySeries';
import type { Long } from '@grpc/proto-loader';

export interface GetHistoryResponse {
  'range'?: (_darwinmetrics_v1_HistoryRange);
  'fromMs'?: (number | string | Long);
  'toMs'?: (number | string | Long);
  'series'?: (_darwinmetrics_v1_HistorySeries)[];
}

export interface GetHistoryResponse__Output {
  'range': (_darwinmetrics_v1_HistoryRange__Output);
  'fromMs': (number);
  'toMs': (number);
  'series': (_darwinmetrics_v1_HistorySeries__Output)[];
}
