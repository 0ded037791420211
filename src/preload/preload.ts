// Preload (sandboxed, bundled to CommonJS): exposes exactly one frozen object, window.darwinmetrics.
import { contextBridge, webUtils } from 'electron';
import { createApi } from './api';
import { invoke, onPush } from './ipc';

const api = createApi(
  { invoke, onPush },
  (err) => console.error('darwinmetrics: a subscriber threw', err),
  (file) => {
    // The page hands its own objects across the bridge; only a real File has a path to find.
    if (!(file instanceof File)) throw new TypeError('openRecording: expected a dropped File');
    return webUtils.getPathForFile(file);
  },
);
contextBridge.exposeInMainWorld('darwinmetrics', Object.freeze(api));
