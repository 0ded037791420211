// Original file: proto/darwinmetrics/v1/metrics.proto

import type { InterfaceKind as _darwinmetrics_v1_InterfaceKind, InterfaceKind__Output as _darwinmetrics_v1_InterfaceKind__Output } from '../../darwinmetrics/v1/InterfaceKind';
import type { Address as _darwinmetrics_v1_Address, Address__Output as _darwinmetrics_v1_Address__Output } from '../../darwinmetrics/v1/Address';
import type { Long } from '@grpc/proto-loader';

export interface NetworkInterface {
  'name'?: (string);
  'kind'?: (_darwinmetrics_v1_InterfaceKind);
  'up'?: (boolean);
  'mac'?: (string);
  'mtu'?: (number);
  'speedMbps'?: (number | string);
  'addresses'?: (_darwinmetrics_v1_Address)[];
  'rxBytes'?: (number | string | Long);
  'txBytes'?: (number | string | Long);
  'rxPackets'?: (number | string | Long);
  'txPackets'?: (number | string | Long);
  'rxErrors'?: (number | string | Long);
  'txErrors'?: (number | string | Long);
  'rxDrops'?: (number | string | Long);
  'txDrops'?: (number | string | Long);
  'rxBytesPerSec'?: (number | string);
  'txBytesPerSec'?: (number | string);
  'rxPacketsPerSec'?: (number | string);
  'txPacketsPerSec'?: (number | string);
  '_mac'?: "mac";
  '_mtu'?: "mtu";
  '_speedMbps'?: "speedMbps";
  '_rxBytesPerSec'?: "rxBytesPerSec";
  '_txBytesPerSec'?: "txBytesPerSec";
  '_rxPacketsPerSec'?: "rxPacketsPerSec";
  '_txPacketsPerSec'?: "txPacketsPerSec";
}

export interface NetworkInterface__Output {
  'name': (string);
  'kind': (_darwinmetrics_v1_InterfaceKind__Output);
  'up': (boolean);
  'mac'?: (string);
  'mtu'?: (number);
  'speedMbps'?: (number);
  'addresses': (_darwinmetrics_v1_Address__Output)[];
  'rxBytes': (number);
  'txBytes': (number);
  'rxPackets': (number);
  'txPackets': (number);
  'rxErrors': (number);
  'txErrors': (number);
  'rxDrops': (number);
  'txDrops': (number);
  'rxBytesPerSec'?: (number);
  'txBytesPerSec'?: (number);
  'rxPacketsPerSec'?: (number);
  'txPacketsPerSec'?: (number);
  '_mac'?: "mac";
  '_mtu'?: "mtu";
  '_speedMbps'?: "speedMbps";
  '_rxBytesPerSec'?: "rxBytesPerSec";
  '_txBytesPerSec'?: "txBytesPerSec";
  '_rxPacketsPerSec'?: "rxPacketsPerSec";
  '_txPacketsPerSec'?: "txPacketsPerSec";
}
