/**
 * The typed declaration of the native addon (native/src/addon.cc). Hand-written; a test checks that
 * the built addon exports exactly these names with these kinds.
 */
export interface BackendInfo {
  readonly platform: 'linux' | 'darwin' | 'unsupported';
  readonly napiVersion: number;
}

export interface NativeAddon {
  backendInfo(): BackendInfo;
}
