// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Rail as _darwinmetrics_v1_Rail, Rail__Output as _darwinmetrics_v1_Rail__Output } from '../../darwinmetrics/v1/Rail';

export interface Rails {
  'rails'?: (_darwinmetrics_v1_Rail)[];
  'systemW'?: (number | string);
  'batteryW'?: (number | string);
  'dcInW'?: (number | string);
  '_systemW'?: "systemW";
  '_batteryW'?: "batteryW";
  '_dcInW'?: "dcInW";
}

export interface Rails__Output {
  'rails': (_darwinmetrics_v1_Rail__Output)[];
  'systemW'?: (number);
  'batteryW'?: (number);
  'dcInW'?: (number);
  '_systemW'?: "systemW";
  '_batteryW'?: "batteryW";
  '_dcInW'?: "dcInW";
}
