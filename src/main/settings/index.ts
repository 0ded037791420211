// The public face of src/main/settings: what code outside this folder may use.
export * from './apply';
export * from './controller';
export * from './setup';
export * from './store';
