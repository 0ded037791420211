/**
 * Dispatch of the typed invoke channels (src/shared/ipc.ts), over an injected ipcMain so Node tests
 * drive it with fakes; src/main/ipc/ipc.ts binds it to Electron's ipcMain.
 *
 * Every invoke is checked before a handler runs: the sending frame must be one of our own pages in a
 * window the app made, and the argument tuple must pass the channel's schemas (src/shared/payload-schemas.ts, the
 * same ones `nmetrics serve` checks HTTP calls with). Rejections become rejected promises in the
 * renderer, carrying the schema's message.
 */
import type { InvokeArgs, InvokeChannel, InvokeResponse } from '../../shared/ipc';
import { INVOKE_CHANNELS } from '../../shared/ipc';
import { validateInvokeArgs } from '../../shared/payload-schemas';

/** The parts of Electron's IpcMainInvokeEvent we read. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

/** The parts of Electron's ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Who asked: the WebContents id, so per-window state (demand) can be kept. */
export interface InvokeContext {
  readonly webContentsId: number;
}

export type InvokeHandlers = {
  readonly [C in InvokeChannel]: (
    ctx: InvokeContext,
    ...args: InvokeArgs<C>
  ) => Promise<InvokeResponse<C>> | InvokeResponse<C>;
};

export interface RegisterOptions {
  /** True when a URL is one of the app's own pages (see src/main/windows/app-protocol.ts). */
  readonly isTrustedUrl: (url: string) => boolean;
  /**
   * True when a WebContents is one of the windows the app made (live or replay). Our page loaded
   * anywhere else (a devtools-opened copy, a window we did not track) gets no answers: the routing
   * of replies per window depends on knowing who asks.
   */
  readonly isKnownSender?: (webContentsId: number) => boolean;
}

export class IpcRejection extends Error {
  override readonly name = 'IpcRejection';
}

/** Checks sender and payload, then runs the typed handler. Exported for tests of single channels. */
export async function dispatchInvoke<C extends InvokeChannel>(
  channel: C,
  event: InvokeEventLike,
  args: readonly unknown[],
  handlers: InvokeHandlers,
  options: RegisterOptions,
): Promise<InvokeResponse<C>> {
  const url = event.senderFrame?.url;
  if (url === undefined || !options.isTrustedUrl(url)) {
    throw new IpcRejection(`${channel}: rejected a call from an untrusted frame (${url ?? 'no frame'})`);
  }
  if (options.isKnownSender !== undefined && !options.isKnownSender(event.sender.id)) {
    throw new IpcRejection(
      `${channel}: rejected a call from a page the app did not open (${event.sender.id})`,
    );
  }
  let typed: InvokeArgs<C>;
  try {
    typed = validateInvokeArgs(channel, args) as InvokeArgs<C>;
  } catch (err) {
    throw new IpcRejection(err instanceof Error ? err.message : String(err));
  }
  const handler = handlers[channel] as (
    ctx: InvokeContext,
    ...a: InvokeArgs<C>
  ) => Promise<InvokeResponse<C>>;
  return handler({ webContentsId: event.sender.id }, ...typed);
}

/** Registers one handler per invoke channel; returns a function that removes them all. */
export function registerInvokeHandlers(
  ipcMain: IpcMainLike,
  handlers: InvokeHandlers,
  options: RegisterOptions,
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) => dispatchInvoke(channel, event, args, handlers, options));
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}
