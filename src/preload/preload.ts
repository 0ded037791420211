// Preload (sandboxed, bundled to CommonJS): exposes exactly one frozen object, window.darwinmetrics.
import { contextBridge } from 'electron';
import { createApi } from './api';
import { invoke, onPush } from './ipc';

const api = createApi({ invoke, onPush }, (err) => console.error('darwinmetrics: a subscriber threw', err));
contextBridge.exposeInMainWorld('darwinmetrics', Object.freeze(api));
