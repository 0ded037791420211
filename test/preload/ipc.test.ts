// The preload's raw-IPC wrapper against a stand-in for Electron's renderer-side IPC object: invokes
// pass the channel and arguments through, and a push listener is removed by its unsubscribe.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const calls: [string, unknown[]][] = [];
const bus = new EventEmitter();

vi.mock('electron', () => ({
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      calls.push([channel, args]);
      return 'ok';
    },
    on: (channel: string, l: (...a: unknown[]) => void) => bus.on(channel, l),
    removeListener: (channel: string, l: (...a: unknown[]) => void) => bus.removeListener(channel, l),
  },
}));

describe('preload ipc wrapper', () => {
  it('invokes with the channel and arguments', async () => {
    const { invoke } = await import('../../src/preload/ipc');
    await expect(invoke('settings:set', { temperatureUnit: 'F' })).resolves.toBe('ok');
    expect(calls).toEqual([['settings:set', [{ temperatureUnit: 'F' }]]]);
  });

  it('hands the page only the payload, never the Electron event, and unsubscribes', async () => {
    const { onPush } = await import('../../src/preload/ipc');
    const seen: unknown[][] = [];
    const off = onPush('metrics:sample', (...args: unknown[]) => void seen.push(args));
    bus.emit('metrics:sample', { sender: 'electron event' }, { t: 1, mono: 1 });
    off();
    bus.emit('metrics:sample', { sender: 'electron event' }, { t: 2, mono: 2 });
    expect(seen).toEqual([[{ t: 1, mono: 1 }]]);
    expect(bus.listenerCount('metrics:sample')).toBe(0);
  });
});
