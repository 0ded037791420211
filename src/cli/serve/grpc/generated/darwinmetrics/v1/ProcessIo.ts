// Original file: proto/darwinmetrics/v1/metrics.proto


/**
 * process_io: how many processes' disk byte counters could be read.
 */
export interface ProcessIo {
  'readable'?: (number);
  /**
   * Other users' processes without the privilege to read them.
   */
  'denied'?: (number);
}

/**
 * process_io: how many processes' disk byte counters could be read.
 */
export interface ProcessIo__Output {
  'readable': (number);
  /**
   * Other users' processes without the privilege to read them.
   */
  'denied': (number);
}
