// The public face of src/core/history: what code outside this folder may use.
export * from './file';
export * from './history';
export * from './load';
export * from './query';
export * from './series';
export {
  DEFAULT_DURABLE_DAYS,
  openHistory,
  type DurableHistory,
  type OpenHistoryOptions,
  type OpenReport,
} from './open';
export { HistoryLockedError } from './lock';
export { defaultHistoryDir } from './state-dir';
export { MAX_HISTORY_DAYS } from './tier';
export { listSegments, tierDir } from './layout';
export { segmentsFrom } from './disk-reader';
export { rangeInDir, readRangeChunks, seriesInRange, type DirChunk, type DirRange } from './dir-export';
