// Original file: proto/darwinmetrics/v1/metrics.proto


export interface PerfLevel {
  'name'?: (string);
  'logicalCores'?: (number);
  'cpus'?: (number)[];
}

export interface PerfLevel__Output {
  'name': (string);
  'logicalCores': (number);
  'cpus': (number)[];
}
