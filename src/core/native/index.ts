// The public face of src/core/native: what code outside this folder may use.
export * from './addon';
export * from './native-types';
export * from './snapshot-source';


