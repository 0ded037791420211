/**
 * The renderer-facing side of the typed IPC contract (src/shared/ipc.ts), used only by preload.ts.
 * With src/main/ipc/ipc.ts, the only file allowed to touch ipcRenderer (lint-enforced). Only channels
 * named in the contract are forwarded; the raw Electron event never reaches the page.
 */
import { ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { InvokeArgs, InvokeChannel, InvokeResponse, PushChannel, PushChannels } from '../shared/ipc';

export function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResponse<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeResponse<C>>;
}

/** Listens to one push channel; returns the function that stops listening. */
export function onPush<C extends PushChannel>(
  channel: C,
  cb: (payload: PushChannels[C]) => void,
): () => void {
  const listener = (_event: IpcRendererEvent, payload: PushChannels[C]): void => cb(payload);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}
