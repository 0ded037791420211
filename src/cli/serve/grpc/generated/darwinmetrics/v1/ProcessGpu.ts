// Original file: proto/darwinmetrics/v1/metrics.proto


/**
 * process_gpu: how many GPU clients were found, and how many processes could not be inspected.
 */
export interface ProcessGpu {
  'clients'?: (number);
  'denied'?: (number);
  /**
   * One line per GPU whose driver gives no per-process figures, with the reason.
   */
  'unavailable'?: (string)[];
}

/**
 * process_gpu: how many GPU clients were found, and how many processes could not be inspected.
 */
export interface ProcessGpu__Output {
  'clients': (number);
  'denied': (number);
  /**
   * One line per GPU whose driver gives no per-process figures, with the reason.
   */
  'unavailable': (string)[];
}
