// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Linux pressure stall information (https://docs.kernel.org/accounting/psi.html).
 */
export interface PsiLine {
  'avg10'?: (number | string);
  'avg60'?: (number | string);
  'avg300'?: (number | string);
  'totalUs'?: (number | string | Long);
}

/**
 * Linux pressure stall information (https://docs.kernel.org/accounting/psi.html).
 */
export interface PsiLine__Output {
  'avg10': (number);
  'avg60': (number);
  'avg300': (number);
  'totalUs': (number);
}
