// The public face of src/core/history: what code outside this folder may use.
export * from './file';
export * from './history';
export * from './load';
export * from './query';
export * from './series';
