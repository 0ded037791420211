// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Long } from '@grpc/proto-loader';

export interface Mount {
  'mount'?: (string);
  'device'?: (string);
  'fsType'?: (string);
  'totalBytes'?: (number | string | Long);
  'usedBytes'?: (number | string | Long);
  'availableBytes'?: (number | string | Long);
  'usedPercent'?: (number | string);
  'readOnly'?: (boolean);
  '_usedPercent'?: "usedPercent";
  '_readOnly'?: "readOnly";
}

export interface Mount__Output {
  'mount': (string);
  'device': (string);
  'fsType': (string);
  'totalBytes': (number);
  'usedBytes': (number);
  'availableBytes': (number);
  'usedPercent'?: (number);
  'readOnly'?: (boolean);
  '_usedPercent'?: "usedPercent";
  '_readOnly'?: "readOnly";
}
