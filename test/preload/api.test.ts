import { describe, expect, it, vi } from 'vitest';
import { createApi, droppedFilePath } from '../../src/preload/api';
import type { Transport } from '../../src/preload/api';
import { createPushHub } from '../../src/preload/push-hub';
import type { PushChannel } from '../../src/shared/ipc';
import type { Sample } from '../../src/shared/sample';

function fakeTransport() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: [string, unknown[]][] = [];
  const transport: Transport = {
    invoke: ((channel: string, ...args: unknown[]) => {
      calls.push([channel, args]);
      return Promise.resolve(undefined);
    }) as Transport['invoke'],
    onPush: ((channel: PushChannel, cb: (payload: unknown) => void) => {
      listeners.set(channel, cb);
      return () => listeners.delete(channel);
    }) as Transport['onPush'],
  };
  const push = (channel: PushChannel, payload: unknown) => listeners.get(channel)?.(payload);
  return { transport, calls, push };
}

const sample = (t: number): Sample => ({ t, mono: t * 1e6 });

describe('createApi', () => {
  it('sends a dropped file as its disk path only, the dialog as null, and refuses what has no path', async () => {
    const { transport, calls } = fakeTransport();
    // Stands in for webUtils.getPathForFile as documented: throws for a non-File, '' for one not on disk.
    const pathOf = droppedFilePath((file) => {
      if (!(file instanceof File)) throw new TypeError('Error processing argument at index 0');
      return file.name === 'made-in-page.jsonl' ? '' : `/Users/me/${file.name}`;
    });
    const api = createApi(transport, () => {}, pathOf);
    await api.openRecording(new File(['{}'], 'thermal.jsonl'));
    await api.openRecording();
    await api.controlReplay({ paused: true, speed: 10 });
    await expect(api.openRecording(new File([''], 'made-in-page.jsonl'))).rejects.toThrow(
      /not a file on this disk/,
    );
    await expect(api.openRecording({ path: '/etc/passwd', name: 'x.jsonl' })).rejects.toThrow(
      /expected a dropped File/,
    );
    expect(calls).toEqual([
      ['replay:open', ['/Users/me/thermal.jsonl']],
      ['replay:open', [null]],
      ['replay:control', [{ paused: true, speed: 10 }]],
    ]);
  });

  it('maps each method to its contract channel and arguments', async () => {
    const { transport, calls } = fakeTransport();
    const api = createApi(
      transport,
      () => {},
      () => '',
    );
    await api.getHistory('1h', ['cpu.busy'], 320);
    await api.exportCsv({ range: '5m', series: ['cpu.busy'], format: 'csv' });
    await api.setSettings({ temperatureUnit: 'F' });
    await api.setDemand(['cpu']);
    await api.openDashboard();
    expect(calls).toEqual([
      ['history:query', [{ range: '1h', series: ['cpu.busy'], maxPoints: 320 }]],
      ['export:run', [{ range: '5m', series: ['cpu.busy'], format: 'csv' }]],
      ['settings:set', [{ temperatureUnit: 'F' }]],
      ['metrics:setDemand', [['cpu']]],
      ['app:openDashboard', []],
    ]);
  });

  it('holds the latest sample until the page subscribes, then streams; unsubscribe stops it', () => {
    const { transport, push } = fakeTransport();
    const api = createApi(
      transport,
      () => {},
      () => '',
    );
    push('metrics:sample', sample(1));
    push('metrics:sample', sample(2));
    const seen: number[] = [];
    const off = api.onSample((s) => seen.push(s.t));
    expect(seen).toEqual([2]);
    push('metrics:sample', sample(3));
    off();
    push('metrics:sample', sample(4));
    expect(seen).toEqual([2, 3]);
  });

  it('holds every early alert up to the limit', () => {
    const { transport, push } = fakeTransport();
    const api = createApi(
      transport,
      () => {},
      () => '',
    );
    for (let i = 0; i < 40; i++)
      push('alerts:event', { ruleId: `r${i}`, kind: 'fired', t: i, value: i, message: '' });
    const seen: string[] = [];
    api.onAlert((e) => seen.push(e.ruleId));
    expect(seen).toHaveLength(32);
    expect(seen[0]).toBe('r8');
    expect(seen.at(-1)).toBe('r39');
  });
});

describe('createPushHub', () => {
  it('keeps delivering to other subscribers when one throws, and reports the error', () => {
    const onError = vi.fn();
    const hub = createPushHub<number>(0, onError);
    const good: number[] = [];
    hub.subscribe(() => {
      throw new Error('boom');
    });
    hub.subscribe((n) => good.push(n));
    hub.deliver(1);
    expect(good).toEqual([1]);
    expect(onError).toHaveBeenCalledTimes(1);
  });
  it('drops early messages when hold is 0 and rejects a bad hold or callback', () => {
    const hub = createPushHub<number>(0);
    hub.deliver(1);
    const seen: number[] = [];
    hub.subscribe((n) => seen.push(n));
    expect(seen).toEqual([]);
    expect(() => createPushHub(-1)).toThrow(/hold/);
    expect(() => hub.subscribe(null as unknown as (n: number) => void)).toThrow(/cb/);
  });
});
