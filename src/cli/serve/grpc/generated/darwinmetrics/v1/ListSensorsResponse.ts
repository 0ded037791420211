// Original file: proto/darwinmetrics/v1/metrics.proto

import type { TemperatureSensor as _darwinmetrics_v1_TemperatureSensor, TemperatureSensor__Output as _darwinmetrics_v1_TemperatureSensor__Output } from '../../darwinmetrics/v1/TemperatureSensor';
import type { Fan as _darwinmetrics_v1_Fan, Fan__Output as _darwinmetrics_v1_Fan__Output } from '../../darwinmetrics/v1/Fan';
import type { SectionError as _darwinmetrics_v1_SectionError, SectionError__Output as _darwinmetrics_v1_SectionError__Output } from '../../darwinmetrics/v1/SectionError';

export interface ListSensorsResponse {
  'temperatures'?: (_darwinmetrics_v1_TemperatureSensor)[];
  'fans'?: (_darwinmetrics_v1_Fan)[];
  /**
   * The thermal or fans section when the machine could not read it.
   */
  'errors'?: (_darwinmetrics_v1_SectionError)[];
}

export interface ListSensorsResponse__Output {
  'temperatures': (_darwinmetrics_v1_TemperatureSensor__Output)[];
  'fans': (_darwinmetrics_v1_Fan__Output)[];
  /**
   * The thermal or fans section when the machine could not read it.
   */
  'errors': (_darwinmetrics_v1_SectionError__Output)[];
}
