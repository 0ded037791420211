// Preload (sandboxed, bundled to CommonJS): exposes exactly one frozen object, window.darwinmetrics.
import { contextBridge, webUtils } from 'electron';
import { createApi, droppedFilePath } from './api';
import { invoke, onPush } from './ipc';

const api = createApi(
  { invoke, onPush },
  (err) => console.error('darwinmetrics: a subscriber threw', err),
  droppedFilePath((file) => webUtils.getPathForFile(file)),
);
contextBridge.exposeInMainWorld('darwinmetrics', Object.freeze(api));
