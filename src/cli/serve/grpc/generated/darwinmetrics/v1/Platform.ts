// Original file: proto/darwinmetrics/v1/metrics.proto

export const Platform = {
  PLATFORM_UNSPECIFIED: 'PLATFORM_UNSPECIFIED',
  PLATFORM_LINUX: 'PLATFORM_LINUX',
  PLATFORM_DARWIN: 'PLATFORM_DARWIN',
} as const;

export type Platform =
  | 'PLATFORM_UNSPECIFIED'
  | 0
  | 'PLATFORM_LINUX'
  | 1
  | 'PLATFORM_DARWIN'
  | 2

export type Platform__Output = typeof Platform[keyof typeof Platform]
