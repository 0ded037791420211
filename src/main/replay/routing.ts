/**
 * Invokes routed per window: a call from a replay window's page is answered by that window's replay
 * engine (its capabilities, latest sample, history, export and playback); a call from any other
 * window by the live handlers. Settings and the window and recording openers are the app's, whoever
 * asks. The sender and payload checks run before this (src/main/ipc/dispatch.ts).
 */
import type { InvokeChannel } from '../../shared/ipc';
import { INVOKE_CHANNELS } from '../../shared/ipc';
import type { InvokeContext, InvokeHandlers } from '../ipc';
import type { ReplayWindow } from './replay-windows';

type ReplayHandlers = {
  readonly [C in InvokeChannel]?: (
    replay: ReplayWindow<unknown>,
    ...args: Parameters<InvokeHandlers[C]> extends [InvokeContext, ...infer A] ? A : never
  ) => ReturnType<InvokeHandlers[C]>;
};

/** What a replay window's engine answers itself; every other channel goes to the live handlers. */
const REPLAY_HANDLERS: ReplayHandlers = {
  'app:getCapabilities': (r) => r.engine.service.invoke('app:getCapabilities', []),
  'metrics:getLatest': (r) => r.engine.replay.poller.latest() ?? null,
  // The recording plays every section it holds; the live sampling must not hear of this window.
  'metrics:setDemand': () => undefined,
  'history:listSeries': (r) => r.engine.service.invoke('history:listSeries', []),
  'history:query': (r, query) => r.engine.service.invoke('history:query', [query]),
  'export:run': (r, options) => r.runExport(options),
  'replay:control': (r, playback) => r.engine.replay.control(playback),
};

export function routeInvokes(
  live: InvokeHandlers,
  replayOf: (webContentsId: number) => ReplayWindow<unknown> | undefined,
): InvokeHandlers {
  const routed: Partial<Record<InvokeChannel, unknown>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const own = REPLAY_HANDLERS[channel] as
      ((r: ReplayWindow<unknown>, ...args: unknown[]) => unknown) | undefined;
    const liveHandler = live[channel] as (ctx: InvokeContext, ...args: unknown[]) => unknown;
    routed[channel] =
      own === undefined
        ? liveHandler
        : (ctx: InvokeContext, ...args: unknown[]) => {
            const replay = replayOf(ctx.webContentsId);
            return replay === undefined ? liveHandler(ctx, ...args) : own(replay, ...args);
          };
  }
  return routed as InvokeHandlers;
}
