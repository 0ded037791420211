// The public face of src/shared/catalogue: the metric table and the questions asked of it.
export * from './busiest';
export * from './catalogue';
export * from './query';
export { SCOPES, SCOPE_BY_NAME } from './scopes';
export { operstateUp } from './entries-io';
export type * from './types';
export * from './charts';
