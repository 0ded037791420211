// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One series as columns of equal length; min and max keep the peaks a decimated average hides.
 */
export interface HistorySeries {
  'id'?: (string);
  'tMs'?: (number | string | Long)[];
  'avg'?: (number | string)[];
  'min'?: (number | string)[];
  'max'?: (number | string)[];
}

/**
 * One series as columns of equal length; min and max keep the peaks a decimated average hides.
 */
export interface HistorySeries__Output {
  'id': (string);
  'tMs': (number)[];
  'avg': (number)[];
  'min': (number)[];
  'max': (number)[];
}
