// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Platform as _darwinmetrics_v1_Platform, Platform__Output as _darwinmetrics_v1_Platform__Output } from '../../darwinmetrics/v1/Platform';
import type { Long } from '@grpc/proto-loader';

export interface Host {
  'platform'?: (_darwinmetrics_v1_Platform);
  'arch'?: (string);
  'hostname'?: (string);
  'osName'?: (string);
  'osVersion'?: (string);
  'kernel'?: (string);
  'model'?: (string);
  'bootTimeMs'?: (number | string | Long);
  'uptimeSec'?: (number | string);
  '_model'?: "model";
}

export interface Host__Output {
  'platform': (_darwinmetrics_v1_Platform__Output);
  'arch': (string);
  'hostname': (string);
  'osName': (string);
  'osVersion': (string);
  'kernel': (string);
  'model'?: (string);
  'bootTimeMs': (number);
  'uptimeSec': (number);
  '_model'?: "model";
}
