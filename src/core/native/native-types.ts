/**
 * The typed declaration of the native addon (native/src/addon.cc). Hand-written; a test checks that
 * the built addon exports exactly these names with these kinds.
 */
import type { MetricResult } from '../../shared/metric-result';
import type { RawSnapshotClock } from '../../shared/raw';
import type { SectionName } from '../../shared/sections';

export interface BackendInfo {
  readonly platform: 'linux' | 'darwin' | 'unsupported';
  readonly napiVersion: number;
}

/** A raw SMC key read as the macOS backend returns it (thermal, fans, power and rails sections). */
export interface NativeSmcReading {
  readonly key: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/**
 * What the native sample() resolves to. On Linux it is exactly a RawSnapshot (the contract test
 * holds it to that); on macOS some sections carry an extra `smc: NativeSmcReading[]` that
 * core/darwin/normalize.ts decodes into RawSnapshot fields.
 */
export type NativeSnapshot = RawSnapshotClock & {
  readonly [K in SectionName]?: MetricResult<unknown>;
};

export interface NativeSamplerOptions {
  /** Folder holding proc/, sys/ and etc/ (Linux). Default "/". */
  readonly root?: string;
}

/**
 * One sampling handle. sample() runs on a libuv worker thread; calls made while a sample is in
 * flight are queued and run in order. close() rejects queued samples; any later call throws.
 */
export interface NativeSampler {
  sample(sections?: readonly SectionName[]): Promise<NativeSnapshot>;
  close(): void;
  readonly closed: boolean;
}

export interface NativeSamplerConstructor {
  new (options?: NativeSamplerOptions): NativeSampler;
}

/** One SMC key as smcDump() returns it (macOS builds only); bytes null when the SMC lists the key but refuses to read it. */
export interface NativeSmcDumpEntry {
  readonly key: string;
  readonly type: string;
  readonly bytes: Uint8Array | null;
}

export interface NativeAddon {
  backendInfo(): BackendInfo;
  readonly Sampler: NativeSamplerConstructor;
  /** macOS only: every SMC key with its type and raw bytes (for `nmetrics sensors --dump`). */
  readonly smcDump?: () => NativeSmcDumpEntry[];
}
