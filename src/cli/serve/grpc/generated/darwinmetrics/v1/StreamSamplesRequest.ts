// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Section as _darwinmetrics_v1_Section, Section__Output as _darwinmetrics_v1_Section__Output } from '../../darwinmetrics/v1/Section';

export interface StreamSamplesRequest {
  /**
   * Empty: every section.
   */
  'sections'?: (_darwinmetrics_v1_Section)[];
  /**
   * 0: the server's sampling interval. Otherwise 250 to 60000.
   */
  'intervalMs'?: (number);
}

export interface StreamSamplesRequest__Output {
  /**
   * Empty: every section.
   */
  'sections': (_darwinmetrics_v1_Section__Output)[];
  /**
   * 0: the server's sampling interval. Otherwise 250 to 60000.
   */
  'intervalMs': (number);
}
