// Original file: proto/darwinmetrics/v1/metrics.proto


export interface Address {
  /**
   * "ipv4" or "ipv6".
   */
  'family'?: (string);
  'address'?: (string);
  'netmask'?: (string);
  '_netmask'?: "netmask";
}

export interface Address__Output {
  /**
   * "ipv4" or "ipv6".
   */
  'family': (string);
  'address': (string);
  'netmask'?: (string);
  '_netmask'?: "netmask";
}
