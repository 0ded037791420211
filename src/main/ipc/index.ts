// The public face of src/main/ipc: what code outside this folder may use.
export * from './handlers';
export * from './ipc';
export { IpcRejection, type InvokeContext, type InvokeHandlers, type RegisterOptions } from './dispatch';
