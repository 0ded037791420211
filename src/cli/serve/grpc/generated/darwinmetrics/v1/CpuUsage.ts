// Original file: proto/darwinmetrics/v1/metrics.proto


/**
 * Shares of CPU time over the interval, percent.
 */
export interface CpuUsage {
  'user'?: (number | string);
  'nice'?: (number | string);
  'system'?: (number | string);
  'idle'?: (number | string);
  'iowait'?: (number | string);
  'irq'?: (number | string);
  'softirq'?: (number | string);
  'steal'?: (number | string);
  /**
   * 100 - idle - iowait.
   */
  'busy'?: (number | string);
}

/**
 * Shares of CPU time over the interval, percent.
 */
export interface CpuUsage__Output {
  'user': (number);
  'nice': (number);
  'system': (number);
  'idle': (number);
  'iowait': (number);
  'irq': (number);
  'softirq': (number);
  'steal': (number);
  /**
   * 100 - idle - iowait.
   */
  'busy': (number);
}
