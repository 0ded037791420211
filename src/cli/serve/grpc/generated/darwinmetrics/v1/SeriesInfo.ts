// Original file: proto/darwinmetrics/v1/metrics.proto


export interface SeriesInfo {
  'id'?: (string);
  'label'?: (string);
  /**
   * '%', '°C', 'rpm', 'B/s', 'W', 'MHz', 'B', 'ops/s'.
   */
  'unit'?: (string);
}

export interface SeriesInfo__Output {
  'id': (string);
  'label': (string);
  /**
   * '%', '°C', 'rpm', 'B/s', 'W', 'MHz', 'B', 'ops/s'.
   */
  'unit': (string);
}
