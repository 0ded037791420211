// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Process as _darwinmetrics_v1_Process, Process__Output as _darwinmetrics_v1_Process__Output } from '../../darwinmetrics/v1/Process';

export interface Processes {
  'count'?: (number);
  'processes'?: (_darwinmetrics_v1_Process)[];
  /**
   * How power_w was obtained: "measured: …", "estimated: …" or "unavailable: <reason>".
   */
  'powerSource'?: (string);
}

export interface Processes__Output {
  'count': (number);
  'processes': (_darwinmetrics_v1_Process__Output)[];
  /**
   * How power_w was obtained: "measured: …", "estimated: …" or "unavailable: <reason>".
   */
  'powerSource': (string);
}
