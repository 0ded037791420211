/**
 * Pushes to one window, holding messages until its page has loaded: a push sent while the page is
 * still loading is dropped by Electron, and windows are created hidden and load in the background.
 * A new sample or settings object replaces a held one (only the latest matters); alerts are kept
 * in order, up to a bound.
 */
import type { PushChannel, PushChannels } from '../../shared/ipc';

/** The parts of WebContents this needs. */
export interface ChannelContents {
  readonly id: number;
  isLoading(): boolean;
  isDestroyed(): boolean;
  on(event: 'did-finish-load' | 'did-start-loading', listener: () => void): unknown;
}

export type Send = <C extends PushChannel>(
  contents: ChannelContents,
  channel: C,
  payload: PushChannels[C],
) => void;

export interface WindowChannel {
  push<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  readonly ready: boolean;
}

/** Alerts held for a loading window; beyond this the oldest go (the notification was shown anyway). */
export const HELD_ALERTS = 32;

type Held = { [C in PushChannel]: { channel: C; payload: PushChannels[C] } }[PushChannel];

export function createWindowChannel(contents: ChannelContents, send: Send): WindowChannel {
  let ready = !contents.isLoading();
  let held: Held[] = [];

  contents.on('did-start-loading', () => {
    ready = false;
  });
  contents.on('did-finish-load', () => {
    ready = true;
    const out = held;
    held = [];
    for (const m of out) if (!contents.isDestroyed()) send(contents, m.channel, m.payload as never);
  });

  return {
    push(channel, payload) {
      if (contents.isDestroyed()) return;
      if (ready) {
        send(contents, channel, payload);
        return;
      }
      if (channel !== 'alerts:event') held = held.filter((m) => m.channel !== channel);
      held.push({ channel, payload } as Held);
      const alerts = held.filter((m) => m.channel === 'alerts:event');
      if (alerts.length > HELD_ALERTS) held.splice(held.indexOf(alerts[0]!), 1);
    },
    get ready() {
      return ready;
    },
  };
}
