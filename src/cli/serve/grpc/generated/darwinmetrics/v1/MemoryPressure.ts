// Original file: proto/darwinmetrics/v1/metrics.proto

export const MemoryPressure = {
  MEMORY_PRESSURE_UNSPECIFIED: 'MEMORY_PRESSURE_UNSPECIFIED',
  MEMORY_PRESSURE_NORMAL: 'MEMORY_PRESSURE_NORMAL',
  MEMORY_PRESSURE_WARNING: 'MEMORY_PRESSURE_WARNING',
  MEMORY_PRESSURE_CRITICAL: 'MEMORY_PRESSURE_CRITICAL',
} as const;

export type MemoryPressure =
  | 'MEMORY_PRESSURE_UNSPECIFIED'
  | 0
  | 'MEMORY_PRESSURE_NORMAL'
  | 1
  | 'MEMORY_PRESSURE_WARNING'
  | 2
  | 'MEMORY_PRESSURE_CRITICAL'
  | 3

export type MemoryPressure__Output = typeof MemoryPressure[keyof typeof MemoryPressure]
