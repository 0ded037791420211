// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Section as _darwinmetrics_v1_Section, Section__Output as _darwinmetrics_v1_Section__Output } from '../../darwinmetrics/v1/Section';

export interface GetSnapshotRequest {
  /**
   * Empty: every section.
   */
  'sections'?: (_darwinmetrics_v1_Section)[];
}

export interface GetSnapshotRequest__Output {
  /**
   * Empty: every section.
   */
  'sections': (_darwinmetrics_v1_Section__Output)[];
}
