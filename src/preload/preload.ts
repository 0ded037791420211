// Preload: exposes one typed API object to the renderer (the app issue fills it in).
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('darwinmetrics', Object.freeze({ version: '0.1.0' }));
