// Original file: proto/darwinmetrics/v1/metrics.proto


export interface Cluster {
  'name'?: (string);
  'mhz'?: (number | string);
  'activePercent'?: (number | string);
  '_mhz'?: "mhz";
  '_activePercent'?: "activePercent";
}

export interface Cluster__Output {
  'name': (string);
  'mhz'?: (number);
  'activePercent'?: (number);
  '_mhz'?: "mhz";
  '_activePercent'?: "activePercent";
}
