// Starts src/main/main.ts in Node against a stand-in 'electron' module (helpers/fake-electron.ts)
// and the real engine (native sampler, poller, history, alerts): checks the start-up wiring, that
// samples reach a visible window that asked for sections, IPC checks, settings and export, and the
// shutdown. Skips when the native addon is not built.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { state } from './helpers/fake-electron';
import type { FakeWindow } from './helpers/fake-electron';

vi.mock('electron', async () => (await import('./helpers/fake-electron')).electron);

const addonBuilt = existsSync(join(process.cwd(), 'build', 'Release', 'darwinmetrics.node'));
const OURS = 'app://darwinmetrics/index.html#/popover';

async function until<T>(what: string, get: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function invoke(win: FakeWindow | null, channel: string, ...args: unknown[]): Promise<unknown> {
  const h = state.handlers.get(channel);
  if (!h) throw new Error(`no handler for ${channel}`);
  const event = {
    sender: { id: win?.webContents.id ?? 0 },
    senderFrame: win ? { url: win.webContents.url } : { url: 'https://evil.example/' },
  };
  return Promise.resolve(h(event, ...args));
}

describe.skipIf(!addonBuilt)('main.ts wiring (stand-in electron, real engine)', () => {
  let popover: FakeWindow;

  beforeAll(async () => {
    // Fast ticks so the test does not wait for the 2 s default.
    writeFileSync(
      join(state.userData, 'settings.json'),
      JSON.stringify({ trayIntervalMs: 250, windowIntervalMs: 250 }),
    );
    await import('../../src/main/main');
    await until('IPC handlers', () => state.handlers.size >= 10);
    popover = await until('popover window', () => state.windows.find((w) => w.webContents.url === OURS));
  });

  afterAll(async () => {
    // The last test quits; if it failed before that, quit here so the sampler is released.
    if (state.exited === undefined) {
      const { electron } = await import('./helpers/fake-electron');
      electron.app.quit();
      await until('exit', () => state.exited !== undefined).catch(() => undefined);
    }
    rmSync(state.userData, { recursive: true, force: true });
  });

  it('serves pages from app:// and creates a hidden, sandboxed popover', async () => {
    const serve = state.protocolHandlers.get('app');
    expect(serve).toBeDefined();
    const res = await serve!({ url: 'app://darwinmetrics/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(popover.isVisible()).toBe(false);
    expect(popover.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
  });

  it('updates the tray from the tray sections while every window is hidden', async () => {
    const tray = state.trays[0]!;
    await until('tray tooltip', () => tray.tooltip.startsWith('CPU ') && tray.tooltip);
    expect(tray.tooltip).toMatch(/CPU temperature/);
    expect(state.sent.filter((m) => m.channel === 'metrics:sample')).toEqual([]);
  });

  it('pushes samples to the popover once it is visible and asked for sections', async () => {
    await invoke(popover, 'metrics:setDemand', ['cpu', 'memory']);
    popover.show();
    const msg = await until('a pushed sample', () =>
      state.sent.find((m) => m.channel === 'metrics:sample' && m.id === popover.webContents.id),
    );
    const sample = msg.payload as { memory?: { ok: boolean } };
    expect(sample.memory?.ok).toBe(true);
    const latest = (await invoke(popover, 'metrics:getLatest')) as { t: number } | null;
    expect(latest?.t).toBeGreaterThan(0);
  });

  it('rejects callers that are not our pages, and bad payloads', async () => {
    await expect(invoke(null, 'settings:get')).rejects.toThrow(/untrusted frame/);
    await expect(invoke(popover, 'settings:set', { historyDays: 999 })).rejects.toThrow(/historyDays/);
  });

  it('saves a settings change, announces it to the windows and reports capabilities', async () => {
    const next = (await invoke(popover, 'settings:set', { temperatureUnit: 'F' })) as {
      temperatureUnit: string;
    };
    expect(next.temperatureUnit).toBe('F');
    expect(JSON.parse(readFileSync(join(state.userData, 'settings.json'), 'utf8')).temperatureUnit).toBe('F');
    expect(state.sent.some((m) => m.channel === 'settings:changed')).toBe(true);
    const caps = (await invoke(popover, 'app:getCapabilities')) as {
      shell: string;
      sections: Record<string, unknown>;
    };
    expect(caps.shell).toBe('electron');
    expect(Object.keys(caps.sections)).toContain('cpu');
  });

  it('exports history to the chosen file', async () => {
    await until('some history', () =>
      state.sent.filter((m) => m.channel === 'metrics:sample').length >= 2 ? true : undefined,
    );
    state.saveDialogPath = join(state.userData, 'export.csv');
    const result = (await invoke(popover, 'export:run', {
      range: '5m',
      series: ['cpu.busy'],
      format: 'csv',
    })) as { saved: boolean; rows: number };
    expect(result.saved).toBe(true);
    expect(result.rows).toBeGreaterThan(0);
    // RFC 4180 line ends (core/export/csv.ts).
    expect(readFileSync(state.saveDialogPath, 'utf8').split('\r\n')[0]).toBe('time,epoch_ms,cpu.busy');
    expect(state.notifications.at(-1)?.title).toBe('Export finished');
  });

  it('opens a recording from the application menu in a window answered by its own engine', async () => {
    const recording = join(state.userData, 'episode.jsonl');
    const host = (t: number) => ({
      t,
      mono: t * 1e6,
      host: {
        ok: true,
        value: {
          platform: 'linux',
          arch: 'x64',
          hostname: 'recorded-box',
          osName: 'Debian',
          osVersion: '12',
          kernel: '6.1',
          bootTimeMs: 0,
          uptimeSec: 1,
        },
      },
    });
    writeFileSync(recording, [host(1000), host(2000)].map((x) => `${JSON.stringify(x)}\n`).join(''));
    state.openDialogPaths = [recording];
    const file = (
      state.appMenu as { label?: string; submenu?: { id?: string; click?: () => void }[] }[]
    ).find((m) => m.label === 'File');
    file?.submenu?.find((i) => i.id === 'open-recording')?.click?.();
    const replay = await until('replay window', () =>
      state.windows.find(
        (w) => String(w.options['title']).endsWith('(replay)') && w.webContents.url.endsWith('#/dashboard'),
      ),
    );
    expect(state.openDialogs.at(-1)).toMatchObject({ filters: [{ extensions: ['jsonl', 'ndjson'] }] });
    expect(
      ((await invoke(replay, 'app:getCapabilities')) as { replay?: { hostname: string } }).replay?.hostname,
    ).toBe('recorded-box');
    expect(((await invoke(popover, 'app:getCapabilities')) as { replay?: unknown }).replay).toBeUndefined();
    await expect(invoke(popover, 'replay:control', { paused: true })).rejects.toThrow(/shows live data/);
    writeFileSync(recording, `${JSON.stringify(host(1000))}\n{"t":`);
    await expect(invoke(popover, 'replay:open', recording)).rejects.toThrow(
      /episode\.jsonl, line 2: not JSON/,
    );
    replay.close();
    await expect(invoke(replay, 'app:getCapabilities')).rejects.toThrow(/did not open/);
  });

  it('opens the dashboard, and on quit closes history and exits', async () => {
    await invoke(popover, 'app:openDashboard');
    const dash = await until('dashboard', () =>
      state.windows.find((w) => w.webContents.url.endsWith('#/dashboard') && !w.isDestroyed()),
    );
    expect(dash.isVisible()).toBe(true);
    expect(popover.isVisible()).toBe(false);
    const { electron } = await import('./helpers/fake-electron');
    electron.app.quit();
    await until('exit', () => state.exited !== undefined);
    expect(state.exited).toBe(0);
    // Closed cleanly: the lock is released and the history folder holds the 10 s tier.
    expect(existsSync(join(state.userData, 'history', 'tier-10s'))).toBe(true);
    expect(existsSync(join(state.userData, 'history', 'LOCK'))).toBe(false);
  });
});
