import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../src/main/windows/app-protocol';
import { registerInvokeHandlers } from '../../../src/main/ipc/dispatch';
import type { InvokeEventLike, InvokeHandlers, IpcMainLike } from '../../../src/main/ipc/dispatch';
import { INVOKE_CHANNELS } from '../../../src/shared/ipc';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../src/shared/settings';

/** A fake ipcMain that records handlers and lets the test invoke them like a renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const invoke = async (url: string | null, channel: string, ...args: unknown[]) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h({ sender: { id: 7 }, senderFrame: url === null ? null : { url } }, ...args);
  };
  return { ipc, handlers, invoke };
}

function handlers(): InvokeHandlers {
  return {
    'app:getCapabilities': vi.fn(async () => ({
      platform: 'linux' as const,
      shell: 'electron' as const,
      sections: {},
      hostname: 'h',
      canChangeSettings: true,
    })),
    'metrics:getLatest': vi.fn(async () => null),
    'metrics:setDemand': vi.fn(async () => undefined),
    'history:listSeries': vi.fn(async () => []),
    'history:query': vi.fn(async (_ctx, q) => ({ range: q.range, fromMs: 0, toMs: 1, series: [] })),
    'export:run': vi.fn(async () => ({ saved: false, rows: 0, bytes: 0 })),
    'settings:get': vi.fn(async () => DEFAULT_SETTINGS),
    'settings:set': vi.fn(async (_ctx, patch) => mergeSettings(DEFAULT_SETTINGS, patch)),
    'app:openDashboard': vi.fn(async () => undefined),
    'app:openSettings': vi.fn(async () => undefined),
    'replay:open': vi.fn(async () => undefined),
    'replay:control': vi.fn(async () => {
      throw new Error('live');
    }),
  };
}

const OURS = 'app://darwinmetrics/index.html?view=popover';

describe('registerInvokeHandlers', () => {
  it('registers every channel of the contract and removes them all', () => {
    const { ipc, handlers: registered } = fakeIpcMain();
    const dispose = registerInvokeHandlers(ipc, handlers(), { isTrustedUrl: isAppUrl });
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('runs handlers for our pages with validated arguments and the sender id', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const h = handlers();
    registerInvokeHandlers(ipc, h, { isTrustedUrl: isAppUrl });
    const query = {
      series: ['cpu.busy', 'disks.mount./Volumes/Macintosh HD.usedPercent'],
      range: '1h',
      maxPoints: 300,
    };
    await expect(invoke(OURS, 'history:query', query)).resolves.toMatchObject({ range: '1h' });
    expect(h['history:query']).toHaveBeenCalledWith({ webContentsId: 7 }, query);
    await invoke(OURS, 'metrics:setDemand', ['cpu', 'cpu', 'memory']);
    expect(h['metrics:setDemand']).toHaveBeenCalledWith({ webContentsId: 7 }, ['cpu', 'memory']);
    await expect(invoke(OURS, 'settings:set', { temperatureUnit: 'F' })).resolves.toMatchObject({
      temperatureUnit: 'F',
    });
    await expect(
      invoke(OURS, 'export:run', { range: '5m', series: ['cpu.busy'], format: 'csv' }),
    ).resolves.toEqual({ saved: false, rows: 0, bytes: 0 });
    await expect(invoke(OURS, 'app:openDashboard')).resolves.toBeUndefined();
  });

  it.each([
    [null],
    ['https://example.com/'],
    ['file:///Users/me/Downloads/evil.html'],
    ['app://darwinmetrics.evil/index.html'],
    ['about:blank'],
  ])('rejects a call from %s before the handler runs', async (url) => {
    const { ipc, invoke } = fakeIpcMain();
    const h = handlers();
    registerInvokeHandlers(ipc, h, { isTrustedUrl: isAppUrl });
    await expect(invoke(url, 'settings:get')).rejects.toThrow(/untrusted frame/);
    expect(h['settings:get']).not.toHaveBeenCalled();
  });

  it.each([
    ['settings:get', [1], /0 arguments/],
    ['settings:set', [{ trayIntervalMs: -1 }], /settings\.trayIntervalMs/],
    ['settings:set', [{ evil: true }], /settings\.evil/],
    ['settings:set', [], /1 argument/],
    ['metrics:setDemand', [['cpu', 'gpuz']], /sections\[1\]/],
    ['metrics:setDemand', ['cpu'], /sections: expected an array/],
    ['history:query', [{ series: ['cpu.busy'], range: '2h', maxPoints: 10 }], /query\.range/],
    ['history:query', [{ series: ['cpu.busy'], range: '1h', maxPoints: 1e9 }], /query\.maxPoints/],
    ['history:query', [{ series: ['cpu.busy\u0000x'], range: '1h', maxPoints: 10 }], /query\.series\[0\]/],
    ['history:query', [{ series: ['x'.repeat(257)], range: '1h', maxPoints: 10 }], /query\.series\[0\]/],
    ['history:query', [{ series: [], range: '1h', maxPoints: 10, sql: 'x' }], /query\.sql/],
    ['export:run', [{ range: '1h', series: [], format: 'csv' }], /options\.series/],
    ['export:run', [{ range: '1h', series: ['cpu.busy'], format: 'xlsx' }], /options\.format/],
    ['export:run', [{ range: '1h', series: ['cpu.busy'], format: 'csv', path: '/etc/x' }], /options\.path/],
  ])('rejects %s with bad payload %j', async (channel, args, message) => {
    const { ipc, invoke } = fakeIpcMain();
    const h = handlers();
    registerInvokeHandlers(ipc, h, { isTrustedUrl: isAppUrl });
    await expect(invoke(OURS, channel, ...args)).rejects.toThrow(message);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });
});
