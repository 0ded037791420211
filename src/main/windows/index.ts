// The public face of src/main/windows: what code outside this folder may use.
export * from './app-protocol';
export * from './security';
export * from './windows';
export { createWindowChannel, type ChannelContents, type WindowChannel } from './window-channel';
export { DEFAULT_SIZE, MIN_SIZE } from './window-state';
