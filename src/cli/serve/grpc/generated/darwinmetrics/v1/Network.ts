// Original file: proto/darwinmetrics/v1/metrics.proto

import type { NetworkInterface as _darwinmetrics_v1_NetworkInterface, NetworkInterface__Output as _darwinmetrics_v1_NetworkInterface__Output } from '../../darwinmetrics/v1/NetworkInterface';

export interface Network {
  'interfaces'?: (_darwinmetrics_v1_NetworkInterface)[];
}

export interface Network__Output {
  'interfaces': (_darwinmetrics_v1_NetworkInterface__Output)[];
}
