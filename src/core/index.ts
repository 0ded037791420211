// The darwinmetrics engine as a library: import { ... } from 'darwinmetrics'.
export * from '../shared/index';
export { loadAddon, AddonLoadError, addonCandidates, findPackageRoot } from './addon';
export type { NativeAddon, BackendInfo } from './native-types';
