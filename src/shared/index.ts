export * from './metric-result';
export * from './sections';
export type * from './raw';
