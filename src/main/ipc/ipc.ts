/**
 * The main-process side of the typed IPC contract (src/shared/ipc.ts). With src/preload/ipc.ts, the
 * only file allowed to touch ipcMain and webContents.send (eslint.config.js bans them elsewhere;
 * test/lint/ipc.test.ts proves it). The checking logic is in dispatch.ts, tested with fakes.
 */
import { ipcMain } from 'electron';
import type { WebContents } from 'electron';
import type { PushChannel, PushChannels } from '../../shared/ipc';
import { registerInvokeHandlers } from './dispatch';
import type { InvokeHandlers, RegisterOptions } from './dispatch';

/** Registers every invoke channel's handler behind the sender and payload checks; returns the undo. */
export function handleInvokes(handlers: InvokeHandlers, options: RegisterOptions): () => void {
  return registerInvokeHandlers(ipcMain, handlers, options);
}

/** The typed push: a destroyed target is skipped (its window closed mid-tick). */
export function sendPush<C extends PushChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  channel: C,
  payload: PushChannels[C],
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}

/** The signature of sendPush, for modules that receive it as a parameter (and tests that fake it). */
export type SendPush = typeof sendPush;
