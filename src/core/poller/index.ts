// The public face of src/core/poller: what code outside this folder may use.
export * from './poller';
export * from './paced-subscription';
export * from './schedule';
export * from './stall';
