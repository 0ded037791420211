/**
 * An IORegistry dictionary as the darwin backend hands it over (CFDictionary → JS): numbers, strings,
 * booleans, data as bytes, arrays and nested dictionaries. The battery decoders read these.
 */
export type RegistryValue = number | string | boolean | Uint8Array | RegistryValue[] | RegistryDict;
export interface RegistryDict {
  readonly [key: string]: RegistryValue;
}
