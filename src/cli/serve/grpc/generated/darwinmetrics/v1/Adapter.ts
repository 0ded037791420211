// Original file: proto/darwinmetrics/v1/metrics.proto


export interface Adapter {
  'id'?: (string);
  'kind'?: (string);
  'online'?: (boolean);
  'name'?: (string);
  'watts'?: (number | string);
  'voltageV'?: (number | string);
  'currentA'?: (number | string);
  '_name'?: "name";
  '_watts'?: "watts";
  '_voltageV'?: "voltageV";
  '_currentA'?: "currentA";
}

export interface Adapter__Output {
  'id': (string);
  'kind': (string);
  'online': (boolean);
  'name'?: (string);
  'watts'?: (number);
  'voltageV'?: (number);
  'currentA'?: (number);
  '_name'?: "name";
  '_watts'?: "watts";
  '_voltageV'?: "voltageV";
  '_currentA'?: "currentA";
}
