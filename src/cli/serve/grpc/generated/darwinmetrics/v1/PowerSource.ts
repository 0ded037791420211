// Original file: proto/darwinmetrics/v1/metrics.proto

export const PowerSource = {
  POWER_SOURCE_UNSPECIFIED: 'POWER_SOURCE_UNSPECIFIED',
  POWER_SOURCE_AC: 'POWER_SOURCE_AC',
  POWER_SOURCE_BATTERY: 'POWER_SOURCE_BATTERY',
  POWER_SOURCE_UPS: 'POWER_SOURCE_UPS',
  POWER_SOURCE_UNKNOWN: 'POWER_SOURCE_UNKNOWN',
} as const;

export type PowerSource =
  | 'POWER_SOURCE_UNSPECIFIED'
  | 0
  | 'POWER_SOURCE_AC'
  | 1
  | 'POWER_SOURCE_BATTERY'
  | 2
  | 'POWER_SOURCE_UPS'
  | 3
  | 'POWER_SOURCE_UNKNOWN'
  | 4

export type PowerSource__Output = typeof PowerSource[keyof typeof PowerSource]
