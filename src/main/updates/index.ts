// The public face of src/main/updates: what code outside this folder may use.
export * from './setup';
export * from './updates';
