// The darwinmetrics engine as a library: import { ... } from 'darwinmetrics'. This file is the
// package's public API (package.json "exports" → dist/index.js and dist/types/core/index.d.ts);
// internals such as the addon search (findPackageRoot, addonCandidates) and the app's IPC contract
// (src/shared/ipc.ts) are not part of it. test/release/package.test.ts checks the installed package.
export * from '../shared/metric-result';
export * from '../shared/sections';
export * from '../shared/history-types';
export type * from '../shared/raw';
export type * from '../shared/sample';
export type * from '../shared/alert-types';
export { SENSOR_GROUPS } from '../shared/sample';
export type { Settings, SettingsPatch, ExportFormat } from '../shared/ipc';
export { loadAddon, AddonLoadError, type AddonSearch } from './native';
export type { NativeAddon, BackendInfo, NativeSampler, NativeSnapshot } from './native';
export { createSampler, Sampler, type SamplerOptions } from './sampler';
export {
  createPoller,
  DEFAULT_SECTION_INTERVALS_MS,
  type Poller,
  type PollerOptions,
  type PollerErrorKind,
  type SubscribeOptions,
  type SampleCallback,
  type DeriveFn,
} from './poller';
export {
  createHistory,
  DEFAULT_MAX_SERIES,
  DEFAULT_MAX_PROCESS_SERIES,
  DEFAULT_TIERS,
  tiersForDays,
  validateHistoryQuery,
  type History,
  type HistoryOptions,
  type HistoryPoint,
  type HistoryStats,
  type TierSpec,
} from './history';
export { loadHistory, saveHistory, type LoadHistoryResult } from './history';
export {
  defaultHistoryDir,
  HistoryLockedError,
  MAX_HISTORY_DAYS,
  openHistory,
  type DurableHistory,
  type OpenHistoryOptions,
  type OpenReport,
} from './history';
export {
  createMetricsService,
  createMemorySettingsStore,
  capabilitiesOf,
  isServiceChannel,
  SERVICE_CHANNELS,
  type MetricsService,
  type MetricsServiceOptions,
  type ServiceChannel,
  type CallContext,
  type SettingsStore,
} from './service';
export { derive } from './derive';
export { sensorGroup, type SensorGroupOptions } from './derive';
export {
  seriesOf,
  sectionOfSeries,
  DEFAULT_TOP_PROCESSES,
  type SeriesPoint,
  type SeriesOptions,
} from './history';
export { createAlertEngine, type AlertEngine, type ActiveAlert } from './alerts';
export { DEFAULT_ALERT_RULES } from '../shared/alert-defaults';
export {
  buildProcessTree,
  flattenProcessTree,
  type ProcessForest,
  type ProcessNode,
  type TreeProcess,
} from '../shared/process-tree';
export {
  filterProcessTree,
  sortProcessTree,
  SORT_ALIASES,
  type FilteredForest,
  type SortColumn,
  type SortOptions,
} from '../shared/process-tree-view';
