// Original file: proto/darwinmetrics/v1/metrics.proto

import type { TemperatureSensor as _darwinmetrics_v1_TemperatureSensor, TemperatureSensor__Output as _darwinmetrics_v1_TemperatureSensor__Output } from '../../darwinmetrics/v1/TemperatureSensor';

export interface Thermal {
  'sensors'?: (_darwinmetrics_v1_TemperatureSensor)[];
}

export interface Thermal__Output {
  'sensors': (_darwinmetrics_v1_TemperatureSensor__Output)[];
}
