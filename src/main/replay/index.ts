// The public face of src/main/replay: recordings opened in dashboard windows of their own.
export * from './choose-recording';
export * from './read-recording';
export * from './replay-engine';
export * from './replay-windows';
export * from './routing';
export * from './setup';
