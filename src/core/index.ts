// The darwinmetrics engine as a library: import { ... } from 'darwinmetrics'.
export * from '../shared/index';
export { loadAddon, AddonLoadError, addonCandidates, findPackageRoot } from './addon';
export type { NativeAddon, BackendInfo, NativeSampler, NativeSnapshot } from './native-types';
export { createSampler, Sampler, type SamplerOptions } from './sampler';
