// Original file: proto/darwinmetrics/v1/metrics.proto

export const Section = {
  SECTION_UNSPECIFIED: 'SECTION_UNSPECIFIED',
  SECTION_HOST: 'SECTION_HOST',
  SECTION_CPU: 'SECTION_CPU',
  SECTION_MEMORY: 'SECTION_MEMORY',
  SECTION_POWER: 'SECTION_POWER',
  SECTION_THERMAL: 'SECTION_THERMAL',
  SECTION_FANS: 'SECTION_FANS',
  SECTION_GPU: 'SECTION_GPU',
  SECTION_RAILS: 'SECTION_RAILS',
  SECTION_DISKS: 'SECTION_DISKS',
  SECTION_NETWORK: 'SECTION_NETWORK',
  SECTION_PROCESSES: 'SECTION_PROCESSES',
  /**
   * The process table's disk byte counters (one more read per process).
   */
  SECTION_PROCESS_IO: 'SECTION_PROCESS_IO',
  /**
   * The GPU clients each process holds (a walk of every process's open files).
   */
  SECTION_PROCESS_GPU: 'SECTION_PROCESS_GPU',
} as const;

export type Section =
  | 'SECTION_UNSPECIFIED'
  | 0
  | 'SECTION_HOST'
  | 1
  | 'SECTION_CPU'
  | 2
  | 'SECTION_MEMORY'
  | 3
  | 'SECTION_POWER'
  | 4
  | 'SECTION_THERMAL'
  | 5
  | 'SECTION_FANS'
  | 6
  | 'SECTION_GPU'
  | 7
  | 'SECTION_RAILS'
  | 8
  | 'SECTION_DISKS'
  | 9
  | 'SECTION_NETWORK'
  | 10
  | 'SECTION_PROCESSES'
  | 11
  /**
   * The process table's disk byte counters (one more read per process).
   */
  | 'SECTION_PROCESS_IO'
  | 12
  /**
   * The GPU clients each process holds (a walk of every process's open files).
   */
  | 'SECTION_PROCESS_GPU'
  | 13

export type Section__Output = typeof Section[keyof typeof Section]
