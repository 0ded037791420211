// Original file: proto/darwinmetrics/v1/metrics.proto


export interface Fan {
  'id'?: (string);
  'label'?: (string);
  'rpm'?: (number | string);
  'minRpm'?: (number | string);
  'maxRpm'?: (number | string);
  'targetRpm'?: (number | string);
  'mode'?: (string);
  '_label'?: "label";
  '_minRpm'?: "minRpm";
  '_maxRpm'?: "maxRpm";
  '_targetRpm'?: "targetRpm";
  '_mode'?: "mode";
}

export interface Fan__Output {
  'id': (string);
  'label'?: (string);
  'rpm': (number);
  'minRpm'?: (number);
  'maxRpm'?: (number);
  'targetRpm'?: (number);
  'mode'?: (string);
  '_label'?: "label";
  '_minRpm'?: "minRpm";
  '_maxRpm'?: "maxRpm";
  '_targetRpm'?: "targetRpm";
  '_mode'?: "mode";
}
