// The public face of src/core/sampler: a Sampler over the native addon, with the darwin normalisation applied.
export * from './sampler';
export * from './sensors-dump';
