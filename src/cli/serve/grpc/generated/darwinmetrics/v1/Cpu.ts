// Original file: proto/darwinmetrics/v1/metrics.proto

import type { PerfLevel as _darwinmetrics_v1_PerfLevel, PerfLevel__Output as _darwinmetrics_v1_PerfLevel__Output } from '../../darwinmetrics/v1/PerfLevel';
import type { CpuUsage as _darwinmetrics_v1_CpuUsage, CpuUsage__Output as _darwinmetrics_v1_CpuUsage__Output } from '../../darwinmetrics/v1/CpuUsage';
import type { Core as _darwinmetrics_v1_Core, Core__Output as _darwinmetrics_v1_Core__Output } from '../../darwinmetrics/v1/Core';
import type { Cluster as _darwinmetrics_v1_Cluster, Cluster__Output as _darwinmetrics_v1_Cluster__Output } from '../../darwinmetrics/v1/Cluster';
import type { CpuSeconds as _darwinmetrics_v1_CpuSeconds, CpuSeconds__Output as _darwinmetrics_v1_CpuSeconds__Output } from '../../darwinmetrics/v1/CpuSeconds';

export interface Cpu {
  'model'?: (string);
  'vendor'?: (string);
  'arch'?: (string);
  'physicalCores'?: (number);
  'logicalCores'?: (number);
  'perfLevels'?: (_darwinmetrics_v1_PerfLevel)[];
  /**
   * 1, 5 and 15 minutes.
   */
  'loadAvg'?: (number | string)[];
  /**
   * Absent on the first sample.
   */
  'usage'?: (_darwinmetrics_v1_CpuUsage | null);
  'cores'?: (_darwinmetrics_v1_Core)[];
  'clusters'?: (_darwinmetrics_v1_Cluster)[];
  'secondsTotal'?: (_darwinmetrics_v1_CpuSeconds | null);
  'coreSecondsTotal'?: (_darwinmetrics_v1_CpuSeconds)[];
  'rosetta'?: (boolean);
  '_vendor'?: "vendor";
  '_rosetta'?: "rosetta";
}

export interface Cpu__Output {
  'model': (string);
  'vendor'?: (string);
  'arch': (string);
  'physicalCores': (number);
  'logicalCores': (number);
  'perfLevels': (_darwinmetrics_v1_PerfLevel__Output)[];
  /**
   * 1, 5 and 15 minutes.
   */
  'loadAvg': (number)[];
  /**
   * Absent on the first sample.
   */
  'usage': (_darwinmetrics_v1_CpuUsage__Output | null);
  'cores': (_darwinmetrics_v1_Core__Output)[];
  'clusters': (_darwinmetrics_v1_Cluster__Output)[];
  'secondsTotal': (_darwinmetrics_v1_CpuSeconds__Output | null);
  'coreSecondsTotal': (_darwinmetrics_v1_CpuSeconds__Output)[];
  'rosetta'?: (boolean);
  '_vendor'?: "vendor";
  '_rosetta'?: "rosetta";
}
