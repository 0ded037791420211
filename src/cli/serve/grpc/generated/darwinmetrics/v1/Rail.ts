// Original file: proto/darwinmetrics/v1/metrics.proto


export interface Rail {
  'name'?: (string);
  /**
   * Cumulative energy, joules.
   */
  'energyJ'?: (number | string);
  'watts'?: (number | string);
  '_watts'?: "watts";
}

export interface Rail__Output {
  'name': (string);
  /**
   * Cumulative energy, joules.
   */
  'energyJ': (number);
  'watts'?: (number);
  '_watts'?: "watts";
}
