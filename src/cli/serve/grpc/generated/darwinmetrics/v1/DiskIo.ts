// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Long } from '@grpc/proto-loader';

export interface DiskIo {
  'name'?: (string);
  'readBytes'?: (number | string | Long);
  'writeBytes'?: (number | string | Long);
  'readOps'?: (number | string | Long);
  'writeOps'?: (number | string | Long);
  'readBytesPerSec'?: (number | string);
  'writeBytesPerSec'?: (number | string);
  'readOpsPerSec'?: (number | string);
  'writeOpsPerSec'?: (number | string);
  'busyPercent'?: (number | string);
  '_readBytesPerSec'?: "readBytesPerSec";
  '_writeBytesPerSec'?: "writeBytesPerSec";
  '_readOpsPerSec'?: "readOpsPerSec";
  '_writeOpsPerSec'?: "writeOpsPerSec";
  '_busyPercent'?: "busyPercent";
}

export interface DiskIo__Output {
  'name': (string);
  'readBytes': (number);
  'writeBytes': (number);
  'readOps': (number);
  'writeOps': (number);
  'readBytesPerSec'?: (number);
  'writeBytesPerSec'?: (number);
  'readOpsPerSec'?: (number);
  'writeOpsPerSec'?: (number);
  'busyPercent'?: (number);
  '_readBytesPerSec'?: "readBytesPerSec";
  '_writeBytesPerSec'?: "writeBytesPerSec";
  '_readOpsPerSec'?: "readOpsPerSec";
  '_writeOpsPerSec'?: "writeOpsPerSec";
  '_busyPercent'?: "busyPercent";
}
