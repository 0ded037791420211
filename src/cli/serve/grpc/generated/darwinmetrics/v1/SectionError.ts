// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Section as _darwinmetrics_v1_Section, Section__Output as _darwinmetrics_v1_Section__Output } from '../../darwinmetrics/v1/Section';
import type { ErrorReason as _darwinmetrics_v1_ErrorReason, ErrorReason__Output as _darwinmetrics_v1_ErrorReason__Output } from '../../darwinmetrics/v1/ErrorReason';

export interface SectionError {
  'section'?: (_darwinmetrics_v1_Section);
  'reason'?: (_darwinmetrics_v1_ErrorReason);
  'message'?: (string);
}

export interface SectionError__Output {
  'section': (_darwinmetrics_v1_Section__Output);
  'reason': (_darwinmetrics_v1_ErrorReason__Output);
  'message': (string);
}
