// The public face of src/core/darwin: what code outside this folder may use.
export * from './native-types';
export * from './normalize';
