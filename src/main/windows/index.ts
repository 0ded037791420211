// The public face of src/main/windows: what code outside this folder may use.
export * from './app-protocol';
export * from './security';
export * from './windows';
