// The public face of src/core/service: what code outside this folder may use.
export * from './metrics-service';
export * from './renderer-assets';
