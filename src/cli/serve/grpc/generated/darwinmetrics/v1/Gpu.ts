// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Long } from '@grpc/proto-loader';

export interface Gpu {
  'id'?: (string);
  'model'?: (string);
  'vendor'?: (string);
  'utilizationPercent'?: (number | string);
  'busyPercent'?: (number | string);
  'memoryUsedBytes'?: (number | string | Long);
  'memoryTotalBytes'?: (number | string | Long);
  'temperatureC'?: (number | string);
  'powerW'?: (number | string);
  'frequencyMhz'?: (number | string);
  'coreCount'?: (number);
  '_model'?: "model";
  '_vendor'?: "vendor";
  '_utilizationPercent'?: "utilizationPercent";
  '_busyPercent'?: "busyPercent";
  '_memoryUsedBytes'?: "memoryUsedBytes";
  '_memoryTotalBytes'?: "memoryTotalBytes";
  '_temperatureC'?: "temperatureC";
  '_powerW'?: "powerW";
  '_frequencyMhz'?: "frequencyMhz";
  '_coreCount'?: "coreCount";
}

export interface Gpu__Output {
  'id': (string);
  'model'?: (string);
  'vendor'?: (string);
  'utilizationPercent'?: (number);
  'busyPercent'?: (number);
  'memoryUsedBytes'?: (number);
  'memoryTotalBytes'?: (number);
  'temperatureC'?: (number);
  'powerW'?: (number);
  'frequencyMhz'?: (number);
  'coreCount'?: (number);
  '_model'?: "model";
  '_vendor'?: "vendor";
  '_utilizationPercent'?: "utilizationPercent";
  '_busyPercent'?: "busyPercent";
  '_memoryUsedBytes'?: "memoryUsedBytes";
  '_memoryTotalBytes'?: "memoryTotalBytes";
  '_temperatureC'?: "temperatureC";
  '_powerW'?: "powerW";
  '_frequencyMhz'?: "frequencyMhz";
  '_coreCount'?: "coreCount";
}
