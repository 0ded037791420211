// The public face of src/core/export: what code outside this folder may use.
export * from './csv';
export * from './family';
export * from './history-export';
export * from './influx-points';
export * from './influx-writer';
export * from './jsonl';
export * from './openmetrics';
export * from './prometheus';
