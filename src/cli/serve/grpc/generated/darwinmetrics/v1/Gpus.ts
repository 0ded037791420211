// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Gpu as _darwinmetrics_v1_Gpu, Gpu__Output as _darwinmetrics_v1_Gpu__Output } from '../../darwinmetrics/v1/Gpu';

export interface Gpus {
  'gpus'?: (_darwinmetrics_v1_Gpu)[];
}

export interface Gpus__Output {
  'gpus': (_darwinmetrics_v1_Gpu__Output)[];
}
