// Original file: proto/darwinmetrics/v1/metrics.proto

import type { Host as _darwinmetrics_v1_Host, Host__Output as _darwinmetrics_v1_Host__Output } from '../../darwinmetrics/v1/Host';
import type { Cpu as _darwinmetrics_v1_Cpu, Cpu__Output as _darwinmetrics_v1_Cpu__Output } from '../../darwinmetrics/v1/Cpu';
import type { Memory as _darwinmetrics_v1_Memory, Memory__Output as _darwinmetrics_v1_Memory__Output } from '../../darwinmetrics/v1/Memory';
import type { Power as _darwinmetrics_v1_Power, Power__Output as _darwinmetrics_v1_Power__Output } from '../../darwinmetrics/v1/Power';
import type { Thermal as _darwinmetrics_v1_Thermal, Thermal__Output as _darwinmetrics_v1_Thermal__Output } from '../../darwinmetrics/v1/Thermal';
import type { Fans as _darwinmetrics_v1_Fans, Fans__Output as _darwinmetrics_v1_Fans__Output } from '../../darwinmetrics/v1/Fans';
import type { Gpus as _darwinmetrics_v1_Gpus, Gpus__Output as _darwinmetrics_v1_Gpus__Output } from '../../darwinmetrics/v1/Gpus';
import type { Rails as _darwinmetrics_v1_Rails, Rails__Output as _darwinmetrics_v1_Rails__Output } from '../../darwinmetrics/v1/Rails';
import type { Disks as _darwinmetrics_v1_Disks, Disks__Output as _darwinmetrics_v1_Disks__Output } from '../../darwinmetrics/v1/Disks';
import type { Network as _darwinmetrics_v1_Network, Network__Output as _darwinmetrics_v1_Network__Output } from '../../darwinmetrics/v1/Network';
import type { Processes as _darwinmetrics_v1_Processes, Processes__Output as _darwinmetrics_v1_Processes__Output } from '../../darwinmetrics/v1/Processes';
import type { SectionError as _darwinmetrics_v1_SectionError, SectionError__Output as _darwinmetrics_v1_SectionError__Output } from '../../darwinmetrics/v1/SectionError';
import type { ProcessIo as _darwinmetrics_v1_ProcessIo, ProcessIo__Output as _darwinmetrics_v1_ProcessIo__Output } from '../../darwinmetrics/v1/ProcessIo';
import type { ProcessGpu as _darwinmetrics_v1_ProcessGpu, ProcessGpu__Output as _darwinmetrics_v1_ProcessGpu__Output } from '../../darwinmetrics/v1/ProcessGpu';
import type { Long } from '@grpc/proto-loader';

export interface Sample {
  /**
   * Wall clock, ms since the Unix epoch.
   */
  'tMs'?: (number | string | Long);
  /**
   * Monotonic clock, ns.
   */
  'monoNs'?: (number | string | Long);
  /**
   * Elapsed time the rates were computed over; absent on the first sample.
   */
  'intervalMs'?: (number | string);
  'host'?: (_darwinmetrics_v1_Host | null);
  'cpu'?: (_darwinmetrics_v1_Cpu | null);
  'memory'?: (_darwinmetrics_v1_Memory | null);
  'power'?: (_darwinmetrics_v1_Power | null);
  'thermal'?: (_darwinmetrics_v1_Thermal | null);
  'fans'?: (_darwinmetrics_v1_Fans | null);
  'gpu'?: (_darwinmetrics_v1_Gpus | null);
  'rails'?: (_darwinmetrics_v1_Rails | null);
  'disks'?: (_darwinmetrics_v1_Disks | null);
  'network'?: (_darwinmetrics_v1_Network | null);
  'processes'?: (_darwinmetrics_v1_Processes | null);
  'errors'?: (_darwinmetrics_v1_SectionError)[];
  'processIo'?: (_darwinmetrics_v1_ProcessIo | null);
  'processGpu'?: (_darwinmetrics_v1_ProcessGpu | null);
  '_intervalMs'?: "intervalMs";
}

export interface Sample__Output {
  /**
   * Wall clock, ms since the Unix epoch.
   */
  'tMs': (number);
  /**
   * Monotonic clock, ns.
   */
  'monoNs': (number);
  /**
   * Elapsed time the rates were computed over; absent on the first sample.
   */
  'intervalMs'?: (number);
  'host': (_darwinmetrics_v1_Host__Output | null);
  'cpu': (_darwinmetrics_v1_Cpu__Output | null);
  'memory': (_darwinmetrics_v1_Memory__Output | null);
  'power': (_darwinmetrics_v1_Power__Output | null);
  'thermal': (_darwinmetrics_v1_Thermal__Output | null);
  'fans': (_darwinmetrics_v1_Fans__Output | null);
  'gpu': (_darwinmetrics_v1_Gpus__Output | null);
  'rails': (_darwinmetrics_v1_Rails__Output | null);
  'disks': (_darwinmetrics_v1_Disks__Output | null);
  'network': (_darwinmetrics_v1_Network__Output | null);
  'processes': (_darwinmetrics_v1_Processes__Output | null);
  'errors': (_darwinmetrics_v1_SectionError__Output)[];
  'processIo': (_darwinmetrics_v1_ProcessIo__Output | null);
  'processGpu': (_darwinmetrics_v1_ProcessGpu__Output | null);
  '_intervalMs'?: "intervalMs";
}
