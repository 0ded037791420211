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
  /**
   * Cumulative storage bytes (with the process_io section).
   */
  'diskReadBytes'?: (number | string);
  'diskWriteBytes'?: (number | string);
  /**
   * Busiest GPU engine's share of the interval, and the GPU memory held (with process_gpu).
   */
  'gpuPercent'?: (number | string);
  'gpuMemoryBytes'?: (number | string);
  /**
   * Cumulative energy the OS accounts to the process (macOS), and power over the interval: measured,
   * or estimated from RAPL (Processes.power_source says which).
   */
  'energyJ'?: (number | string);
  'powerW'?: (number | string);
  '_threads'?: "threads";
  '_cpuPercent'?: "cpuPercent";
  '_memPercent'?: "memPercent";
  '_diskReadBytesPerSec'?: "diskReadBytesPerSec";
  '_diskWriteBytesPerSec'?: "diskWriteBytesPerSec";
  '_diskReadBytes'?: "diskReadBytes";
  '_diskWriteBytes'?: "diskWriteBytes";
  '_gpuPercent'?: "gpuPercent";
  '_gpuMemoryBytes'?: "gpuMemoryBytes";
  '_energyJ'?: "energyJ";
  '_powerW'?: "powerW";
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
  /**
   * Cumulative storage bytes (with the process_io section).
   */
  'diskReadBytes'?: (number);
  'diskWriteBytes'?: (number);
  /**
   * Busiest GPU engine's share of the interval, and the GPU memory held (with process_gpu).
   */
  'gpuPercent'?: (number);
  'gpuMemoryBytes'?: (number);
  /**
   * Cumulative energy the OS accounts to the process (macOS), and power over the interval: measured,
   * or estimated from RAPL (Processes.power_source says which).
   */
  'energyJ'?: (number);
  'powerW'?: (number);
  '_threads'?: "threads";
  '_cpuPercent'?: "cpuPercent";
  '_memPercent'?: "memPercent";
  '_diskReadBytesPerSec'?: "diskReadBytesPerSec";
  '_diskWriteBytesPerSec'?: "diskWriteBytesPerSec";
  '_diskReadBytes'?: "diskReadBytes";
  '_diskWriteBytes'?: "diskWriteBytes";
  '_gpuPercent'?: "gpuPercent";
  '_gpuMemoryBytes'?: "gpuMemoryBytes";
  '_energyJ'?: "energyJ";
  '_powerW'?: "powerW";
}
