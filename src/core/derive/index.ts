// The public face of src/core/derive: what code outside this folder may use.
export * from './derive';
export * from './sensor-groups';
export * from './rail-cadence';
