// Original file: proto/darwinmetrics/v1/metrics.proto

import type { MemoryPressure as _darwinmetrics_v1_MemoryPressure, MemoryPressure__Output as _darwinmetrics_v1_MemoryPressure__Output } from '../../darwinmetrics/v1/MemoryPressure';
import type { Psi as _darwinmetrics_v1_Psi, Psi__Output as _darwinmetrics_v1_Psi__Output } from '../../darwinmetrics/v1/Psi';
import type { Long } from '@grpc/proto-loader';

export interface Memory {
  'totalBytes'?: (number | string | Long);
  'freeBytes'?: (number | string | Long);
  'availableBytes'?: (number | string | Long);
  'usedBytes'?: (number | string | Long);
  'cachedBytes'?: (number | string | Long);
  'buffersBytes'?: (number | string | Long);
  'reclaimableBytes'?: (number | string | Long);
  'shmemBytes'?: (number | string | Long);
  'wiredBytes'?: (number | string | Long);
  'compressedBytes'?: (number | string | Long);
  'appBytes'?: (number | string | Long);
  'swapTotalBytes'?: (number | string | Long);
  'swapUsedBytes'?: (number | string | Long);
  'usedPercent'?: (number | string);
  'swapUsedPercent'?: (number | string);
  /**
   * Unspecified when the machine reports no pressure (a Linux kernel without PSI).
   */
  'pressure'?: (_darwinmetrics_v1_MemoryPressure);
  /**
   * "os" (macOS) or "psi" (Linux); empty with no pressure.
   */
  'pressureSource'?: (string);
  'psi'?: (_darwinmetrics_v1_Psi | null);
  '_buffersBytes'?: "buffersBytes";
  '_reclaimableBytes'?: "reclaimableBytes";
  '_shmemBytes'?: "shmemBytes";
  '_wiredBytes'?: "wiredBytes";
  '_compressedBytes'?: "compressedBytes";
  '_appBytes'?: "appBytes";
}

export interface Memory__Output {
  'totalBytes': (number);
  'freeBytes': (number);
  'availableBytes': (number);
  'usedBytes': (number);
  'cachedBytes': (number);
  'buffersBytes'?: (number);
  'reclaimableBytes'?: (number);
  'shmemBytes'?: (number);
  'wiredBytes'?: (number);
  'compressedBytes'?: (number);
  'appBytes'?: (number);
  'swapTotalBytes': (number);
  'swapUsedBytes': (number);
  'usedPercent': (number);
  'swapUsedPercent': (number);
  /**
   * Unspecified when the machine reports no pressure (a Linux kernel without PSI).
   */
  'pressure': (_darwinmetrics_v1_MemoryPressure__Output);
  /**
   * "os" (macOS) or "psi" (Linux); empty with no pressure.
   */
  'pressureSource': (string);
  'psi': (_darwinmetrics_v1_Psi__Output | null);
  '_buffersBytes'?: "buffersBytes";
  '_reclaimableBytes'?: "reclaimableBytes";
  '_shmemBytes'?: "shmemBytes";
  '_wiredBytes'?: "wiredBytes";
  '_compressedBytes'?: "compressedBytes";
  '_appBytes'?: "appBytes";
}
