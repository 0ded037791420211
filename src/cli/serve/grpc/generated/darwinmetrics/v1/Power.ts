// Original file: proto/darwinmetrics/v1/metrics.proto

import type { PowerSource as _darwinmetrics_v1_PowerSource, PowerSource__Output as _darwinmetrics_v1_PowerSource__Output } from '../../darwinmetrics/v1/PowerSource';
import type { Adapter as _darwinmetrics_v1_Adapter, Adapter__Output as _darwinmetrics_v1_Adapter__Output } from '../../darwinmetrics/v1/Adapter';
import type { Battery as _darwinmetrics_v1_Battery, Battery__Output as _darwinmetrics_v1_Battery__Output } from '../../darwinmetrics/v1/Battery';
import type { ThermalPressure as _darwinmetrics_v1_ThermalPressure, ThermalPressure__Output as _darwinmetrics_v1_ThermalPressure__Output } from '../../darwinmetrics/v1/ThermalPressure';

export interface Power {
  'source'?: (_darwinmetrics_v1_PowerSource);
  'adapters'?: (_darwinmetrics_v1_Adapter)[];
  'batteries'?: (_darwinmetrics_v1_Battery)[];
  /**
   * Unspecified where the OS does not report it (Linux).
   */
  'thermalPressure'?: (_darwinmetrics_v1_ThermalPressure);
}

export interface Power__Output {
  'source': (_darwinmetrics_v1_PowerSource__Output);
  'adapters': (_darwinmetrics_v1_Adapter__Output)[];
  'batteries': (_darwinmetrics_v1_Battery__Output)[];
  /**
   * Unspecified where the OS does not report it (Linux).
   */
  'thermalPressure': (_darwinmetrics_v1_ThermalPressure__Output);
}
