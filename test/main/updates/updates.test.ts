// The update logic against a fake electron-updater: when it checks, what it downloads and
// installs, how a failure reads, and the autoUpdate switch.
import { describe, expect, it } from 'vitest';
import { DAY_MS, describeUpdateError, setupUpdates, updateMenuItem } from '../../../src/main/updates/updates';
import type { UpdateState, Updater } from '../../../src/main/updates/updates';
import { trayMenuTemplate } from '../../../src/main/tray/tray-menu';

type Listener = (arg: never) => void;

/** Behaves like AppUpdater: checkForUpdates emits the events, then resolves (or emits 'error' and rejects). */
class FakeUpdater implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs = 0;
  /** What the next check finds: a version, nothing, or an error. */
  next: { version: string } | 'none' | Error = 'none';
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, arg?: unknown): void {
    for (const l of this.listeners.get(event) ?? []) l(arg as never);
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    await Promise.resolve();
    const next = this.next;
    if (next instanceof Error) {
      this.emit('error', next);
      throw next;
    }
    if (next === 'none') this.emit('update-not-available');
    else this.emit('update-available', next);
    return { updateInfo: next };
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

function setup(enabled = true, next: FakeUpdater['next'] = 'none') {
  const updater = new FakeUpdater();
  updater.next = next;
  const timers: { ms: number; task: () => void; stopped: boolean }[] = [];
  const states: UpdateState['kind'][] = [];
  const failures: string[] = [];
  let upToDate = 0;
  const updates = setupUpdates({
    updater,
    enabled,
    every: (ms, task) => {
      const timer = { ms, task, stopped: false };
      timers.push(timer);
      return () => void (timer.stopped = true);
    },
    onState: (s) => void states.push(s.kind),
    onFailure: (title, body) => void failures.push(`${title}: ${body}`),
    onUpToDate: () => void upToDate++,
  });
  const running = () => timers.filter((t) => !t.stopped);
  return { updater, updates, timers, running, states, failures, upToDate: () => upToDate };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('setupUpdates', () => {
  it('checks at start and once a day, downloads in the background and installs on quit', async () => {
    const f = setup(true, { version: '0.2.0' });
    expect(f.updater.autoDownload).toBe(true);
    expect(f.updater.autoInstallOnAppQuit).toBe(true);
    expect(f.running().map((t) => t.ms)).toEqual([DAY_MS]);
    await settle();
    expect(f.updater.checks).toBe(1);
    expect(f.updates.state()).toEqual({ kind: 'downloading', version: '0.2.0' });
    f.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(f.updates.state()).toEqual({ kind: 'ready', version: '0.2.0' });
    // A day later there is nothing more to fetch: the downloaded update waits for the quit.
    f.running()[0]!.task();
    await settle();
    expect(f.updater.checks).toBe(1);
    f.updates.installNow();
    expect(f.updater.installs).toBe(1);
    expect(f.failures).toEqual([]);
  });

  it('runs the daily check again when nothing was new', async () => {
    const f = setup(true, 'none');
    await settle();
    expect(f.updates.state()).toEqual({ kind: 'idle' });
    f.running()[0]!.task();
    await settle();
    expect(f.updater.checks).toBe(2);
    expect(f.upToDate()).toBe(0); // automatic checks stay silent
  });

  it('when turned off, neither checks nor installs, and starts again when turned on', async () => {
    const f = setup(false);
    await settle();
    expect(f.updater.checks).toBe(0);
    expect(f.running()).toEqual([]);
    expect(f.updater.autoInstallOnAppQuit).toBe(false);
    expect(f.updates.state()).toEqual({ kind: 'off' });
    f.updates.setEnabled(true);
    await settle();
    expect(f.updater.checks).toBe(1);
    expect(f.running()).toHaveLength(1);
    f.updates.setEnabled(false);
    expect(f.running()).toEqual([]);
    expect(f.updater.autoInstallOnAppQuit).toBe(false);
    expect(f.updates.state()).toEqual({ kind: 'off' });
  });

  it('checks when the user asks, even with updates off, and answers when nothing is new', async () => {
    const f = setup(false, 'none');
    await f.updates.checkNow();
    expect(f.updater.checks).toBe(1);
    expect(f.upToDate()).toBe(1);
    expect(f.updates.state()).toEqual({ kind: 'off' });
  });

  it('says once, plainly, why an update failed, and tries again the next day', async () => {
    const f = setup(true, new Error('net::ERR_INTERNET_DISCONNECTED\n    at SimpleURLLoaderWrapper'));
    await settle();
    expect(f.failures).toEqual([
      'DarwinMetrics could not update: Reason: GitHub could not be reached (no internet connection?).\n' +
        'It will try again tomorrow. Updates can be turned off in Settings.',
    ]);
    expect(f.updates.state()).toMatchObject({ kind: 'failed' });
    f.updater.next = { version: '0.2.0' };
    f.running()[0]!.task();
    await settle();
    expect(f.updates.state()).toEqual({ kind: 'downloading', version: '0.2.0' });
  });

  it('reports a failed download (an error event outside a check)', async () => {
    const f = setup(true, { version: '0.2.0' });
    await settle();
    f.updater.emit('error', new Error('sha512 checksum mismatch, expected abc, got def'));
    expect(f.failures).toHaveLength(1);
    expect(f.failures[0]).toContain('the download was damaged');
  });

  it('does not start a second check while one runs', async () => {
    const f = setup(true);
    void f.updates.checkNow();
    await settle();
    expect(f.updater.checks).toBe(1);
    f.updates.dispose();
    expect(f.running()).toEqual([]);
  });
});

describe('describeUpdateError', () => {
  it('names the usual causes and keeps the first line of anything else', () => {
    expect(
      describeUpdateError(new Error('HttpError: 404 \n"method: GET url: https://github.com/..."')),
    ).toMatch(/not found on GitHub/);
    expect(describeUpdateError(new Error('Code signature at URL file:///x did not pass validation'))).toMatch(
      /signature check/,
    );
    expect(describeUpdateError(new Error('Cannot update while running on a read-only volume.'))).toMatch(
      /move it to Applications/,
    );
    expect(describeUpdateError(new Error('disk full\nstack'))).toBe('disk full');
    expect(describeUpdateError('x'.repeat(300))).toHaveLength(200);
  });
});

describe('updateMenuItem', () => {
  it('offers a check, shows progress, and a restart once downloaded', () => {
    expect(updateMenuItem({ kind: 'idle' })).toEqual({ label: 'Check for Updates…', action: 'check' });
    expect(updateMenuItem({ kind: 'downloading', version: '1.2.0' }).action).toBe('none');
    expect(updateMenuItem({ kind: 'ready', version: '1.2.0' })).toEqual({
      label: 'Restart to Update to 1.2.0',
      action: 'install',
    });
    expect(updateMenuItem({ kind: 'failed', reason: 'x' }).action).toBe('check');
  });
});

describe('the tray menu’s update line', () => {
  it('checks or installs from the menu, and is absent where the app does not update itself', () => {
    const calls: string[] = [];
    const actions = {
      openDashboard: () => undefined,
      openRecording: () => undefined,
      exportCsv: () => undefined,
      openSettings: () => undefined,
      setLaunchAtLogin: () => undefined,
      quit: () => undefined,
      checkForUpdates: () => void calls.push('check'),
      installUpdate: () => void calls.push('install'),
    };
    const click = (state: UpdateState) => {
      const item = trayMenuTemplate({ launchAtLogin: false, update: updateMenuItem(state) }, actions).find(
        (i) => i.id === 'update',
      );
      (item?.click as (() => void) | undefined)?.();
      return item;
    };
    expect(click({ kind: 'idle' })).toMatchObject({ label: 'Check for Updates…', enabled: true });
    expect(click({ kind: 'ready', version: '0.2.0' })).toMatchObject({ enabled: true });
    expect(click({ kind: 'checking' })).toMatchObject({ enabled: false });
    expect(calls).toEqual(['check', 'install']);
    expect(trayMenuTemplate({ launchAtLogin: false }, actions).some((i) => i.id === 'update')).toBe(false);
  });
});
