// Original file: proto/darwinmetrics/v1/metrics.proto

import type { CpuUsage as _darwinmetrics_v1_CpuUsage, CpuUsage__Output as _darwinmetrics_v1_CpuUsage__Output } from '../../darwinmetrics/v1/CpuUsage';

export interface Core {
  'id'?: (number);
  /**
   * Absent on the first sample.
   */
  'usage'?: (_darwinmetrics_v1_CpuUsage | null);
  'mhz'?: (number | string);
  /**
   * Index into Cpu.perf_levels.
   */
  'perfLevel'?: (number);
  '_mhz'?: "mhz";
  '_perfLevel'?: "perfLevel";
}

export interface Core__Output {
  'id': (number);
  /**
   * Absent on the first sample.
   */
  'usage': (_darwinmetrics_v1_CpuUsage__Output | null);
  'mhz'?: (number);
  /**
   * Index into Cpu.perf_levels.
   */
  'perfLevel'?: (number);
  '_mhz'?: "mhz";
  '_perfLevel'?: "perfLevel";
}
