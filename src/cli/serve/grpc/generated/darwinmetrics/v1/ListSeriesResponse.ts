// Original file: proto/darwinmetrics/v1/metrics.proto

import type { SeriesInfo as _darwinmetrics_v1_SeriesInfo, SeriesInfo__Output as _darwinmetrics_v1_SeriesInfo__Output } from '../../darwinmetrics/v1/SeriesInfo';

export interface ListSeriesResponse {
  'series'?: (_darwinmetrics_v1_SeriesInfo)[];
}

export interface ListSeriesResponse__Output {
  'series': (_darwinmetrics_v1_SeriesInfo__Output)[];
}
