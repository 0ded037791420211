// Original file: proto/darwinmetrics/v1/metrics.proto


/**
 * Cumulative CPU seconds per mode.
 */
export interface CpuSeconds {
  'user'?: (number | string);
  'nice'?: (number | string);
  'system'?: (number | string);
  'idle'?: (number | string);
  'iowait'?: (number | string);
  'irq'?: (number | string);
  'softirq'?: (number | string);
  'steal'?: (number | string);
}

/**
 * Cumulative CPU seconds per mode.
 */
export interface CpuSeconds__Output {
  'user': (number);
  'nice': (number);
  'system': (number);
  'idle': (number);
  'iowait': (number);
  'irq': (number);
  'softirq': (number);
  'steal': (number);
}
