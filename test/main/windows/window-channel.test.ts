import { describe, expect, it } from 'vitest';
import { createWindowChannel, HELD_ALERTS } from '../../../src/main/windows/window-channel';
import type { ChannelContents, Send } from '../../../src/main/windows/window-channel';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

function fakeContents(loading: boolean) {
  const listeners: Record<string, () => void> = {};
  let destroyed = false;
  const contents: ChannelContents = {
    id: 3,
    isLoading: () => loading,
    isDestroyed: () => destroyed,
    on: (event, l) => void (listeners[event] = l),
  };
  const sent: [string, unknown][] = [];
  const send: Send = (_c, channel, payload) => void sent.push([channel, payload]);
  return {
    contents,
    send,
    sent,
    load: () => {
      loading = true;
      listeners['did-start-loading']?.();
    },
    finish: () => {
      loading = false;
      listeners['did-finish-load']?.();
    },
    destroy: () => (destroyed = true),
  };
}

const alert = (i: number) => ({ ruleId: `r${i}`, kind: 'fired' as const, t: i, value: i, message: '' });

describe('window channel', () => {
  it('sends at once to a loaded page', () => {
    const f = fakeContents(false);
    createWindowChannel(f.contents, f.send).push('metrics:sample', { t: 1, mono: 1 });
    expect(f.sent).toEqual([['metrics:sample', { t: 1, mono: 1 }]]);
  });

  it('holds messages while loading: the latest sample and settings, every alert in order', () => {
    const f = fakeContents(true);
    const ch = createWindowChannel(f.contents, f.send);
    ch.push('metrics:sample', { t: 1, mono: 1 });
    ch.push('alerts:event', alert(1));
    ch.push('settings:changed', DEFAULT_SETTINGS);
    ch.push('metrics:sample', { t: 2, mono: 2 });
    ch.push('alerts:event', alert(2));
    expect(f.sent).toEqual([]);
    f.finish();
    expect(f.sent.map(([c, p]) => `${c}:${(p as { t?: number }).t ?? 'settings'}`)).toEqual([
      'alerts:event:1',
      'settings:changed:settings',
      'metrics:sample:2',
      'alerts:event:2',
    ]);
    expect(ch.ready).toBe(true);
  });

  it('holds again across a reload, bounds held alerts, and drops everything for a destroyed window', () => {
    const f = fakeContents(false);
    const ch = createWindowChannel(f.contents, f.send);
    f.load();
    for (let i = 0; i < HELD_ALERTS + 5; i++) ch.push('alerts:event', alert(i));
    f.finish();
    expect(f.sent).toHaveLength(HELD_ALERTS);
    expect((f.sent[0]![1] as { t: number }).t).toBe(5);
    f.destroy();
    ch.push('metrics:sample', { t: 9, mono: 9 });
    expect(f.sent).toHaveLength(HELD_ALERTS);
  });
});
