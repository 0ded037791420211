// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Long } from '@grpc/proto-loader';

export interface Process {
  'pid'?: (number);
  'ppid'?: (number);
  'name'?: (string);
  'path'?: (string);
  'user'?: (string);
  'uid'?: (number);
  /**
   * One letter, as ps shows it ("R", "S", ...).
   */
  'state'?: (string);
  /**
   * Absent where the platform cannot tell (other users' processes on macOS).
   */
  'threads'?: (number);
  'startTimeMs'?: (number | string | Long);
  'cpuTimeNs'?: (number | string);
  'rssBytes'?: (number | string | Long);
  'virtualBytes'?: (number | string | Long);
  'kernelThread'?: (boolean);
  /**
   * 100 = one core busy for the whole interval.
   */
  'cpuPercent'?: (number | string);
  'memPercent'?: (number | string);
  'diskReadBytesPerSec'?: (number | string);
  'diskWriteBytesPerSec'?: (number | string);
  '_threads'?: "threads";
  '_cpuPercent'?: "cpuPercent";
  '_memPercent'?: "memPercent";
  '_diskReadBytesPerSec'?: "diskReadBytesPerSec";
  '_diskWriteBytesPerSec'?: "diskWriteBytesPerSec";
}

export interface Process__Output {
  'pid': (number);
  'ppid': (number);
  'name': (string);
  'path': (string);
  'user': (string);
  'uid': (number);
  /**
   * One letter, as ps shows it ("R", "S", ...).
   */
  'state': (string);
  /**
   * Absent where the platform cannot tell (other users' processes on macOS).
   */
  'threads'?: (number);
  'startTimeMs': (number);
  'cpuTimeNs': (number);
  'rssBytes': (number);
  'virtualBytes': (number);
  'kernelThread': (boolean);
  /**
   * 100 = one core busy for the whole interval.
   */
  'cpuPercent'?: (number);
  'memPercent'?: (number);
  'diskReadBytesPerSec'?: (number);
  'diskWriteBytesPerSec'?: (number);
  '_threads'?: "threads";
  '_cpuPercent'?: "cpuPercent";
  '_memPercent'?: "memPercent";
  '_diskReadBytesPerSec'?: "diskReadBytesPerSec";
  '_diskWriteBytesPerSec'?: "diskWriteBytesPerSec";
}
