// Original file: proto/darwinmetrics/v1/metrics.proto

import type { PsiLine as _darwinmetrics_v1_PsiLine, PsiLine__Output as _darwinmetrics_v1_PsiLine__Output } from '../../darwinmetrics/v1/PsiLine';

export interface Psi {
  'some'?: (_darwinmetrics_v1_PsiLine | null);
  'full'?: (_darwinmetrics_v1_PsiLine | null);
}

export interface Psi__Output {
  'some': (_darwinmetrics_v1_PsiLine__Output | null);
  'full': (_darwinmetrics_v1_PsiLine__Output | null);
}
