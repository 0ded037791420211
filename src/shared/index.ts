export * from './metric-result';
export * from './sections';
export * from './history-types';
export * from './ipc';
export type * from './raw';
export type * from './sample';
export type * from './alert-types';
export { SENSOR_GROUPS } from './sample';
