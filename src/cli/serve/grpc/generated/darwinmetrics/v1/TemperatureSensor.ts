// Original file: proto/darwinmetrics/v1/metrics.proto

import type { SensorGroup as _darwinmetrics_v1_SensorGroup, SensorGroup__Output as _darwinmetrics_v1_SensorGroup__Output } from '../../darwinmetrics/v1/SensorGroup';

export interface TemperatureSensor {
  'id'?: (string);
  'label'?: (string);
  'group'?: (_darwinmetrics_v1_SensorGroup);
  'celsius'?: (number | string);
  'maxC'?: (number | string);
  'critC'?: (number | string);
  /**
   * Where it was read: "hwmon", "thermal-zone", "smc" or "gpu", with the chip and sensor names.
   */
  'kind'?: (string);
  'chip'?: (string);
  'sensor'?: (string);
  '_label'?: "label";
  '_maxC'?: "maxC";
  '_critC'?: "critC";
}

export interface TemperatureSensor__Output {
  'id': (string);
  'label'?: (string);
  'group': (_darwinmetrics_v1_SensorGroup__Output);
  'celsius': (number);
  'maxC'?: (number);
  'critC'?: (number);
  /**
   * Where it was read: "hwmon", "thermal-zone", "smc" or "gpu", with the chip and sensor names.
   */
  'kind': (string);
  'chip': (string);
  'sensor': (string);
  '_label'?: "label";
  '_maxC'?: "maxC";
  '_critC'?: "critC";
}
