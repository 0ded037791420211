// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Mount as _darwinmetrics_v1_Mount, Mount__Output as _darwinmetrics_v1_Mount__Output } from '../../darwinmetrics/v1/Mount';
import type { DiskIo as _darwinmetrics_v1_DiskIo, DiskIo__Output as _darwinmetrics_v1_DiskIo__Output } from '../../darwinmetrics/v1/DiskIo';

export interface Disks {
  'mounts'?: (_darwinmetrics_v1_Mount)[];
  'devices'?: (_darwinmetrics_v1_DiskIo)[];
}

export interface Disks__Output {
  'mounts': (_darwinmetrics_v1_Mount__Output)[];
  'devices': (_darwinmetrics_v1_DiskIo__Output)[];
}
