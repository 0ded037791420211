// The public face of src/main/engine: what code outside this folder may use.
export * from './alert-notifier';
export * from './engine';
export * from './pipeline';
export * from './power';
export * from './sampling';
export * from './shutdown';
