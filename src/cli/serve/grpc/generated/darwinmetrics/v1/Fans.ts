// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Fan as _darwinmetrics_v1_Fan, Fan__Output as _darwinmetrics_v1_Fan__Output } from '../../darwinmetrics/v1/Fan';

export interface Fans {
  'fans'?: (_darwinmetrics_v1_Fan)[];
}

export interface Fans__Output {
  'fans': (_darwinmetrics_v1_Fan__Output)[];
}
