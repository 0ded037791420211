import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartDir, desktopExec, setLaunchAtLogin } from '../../../src/main/app/login-item';
import { createSettingsController } from '../../../src/main/settings/controller';
import type { Settings } from '../../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

function setup(failSave = false) {
  const saved: Settings[] = [];
  const applied: [number, number][] = [];
  const announced: Settings[] = [];
  const c = createSettingsController({
    initial: DEFAULT_SETTINGS,
    save: async (s) => {
      if (failSave) throw new Error('EACCES: read-only');
      saved.push(s);
    },
    check: (s) => {
      if (s.alerts.some((r) => r.metric === 'no.such'))
        throw new RangeError('alerts: unknown metric "no.such"');
    },
  });
  c.onChange((next, prev) => void applied.push([prev.trayIntervalMs, next.trayIntervalMs]));
  c.onChange(
    () => {
      throw new Error('a broken listener');
    },
    () => undefined,
  );
  c.onChange((next) => void announced.push(next));
  return { c, saved, applied, announced };
}

describe('settings controller', () => {
  it('validates, saves, then runs every listener in order, past a throwing one', async () => {
    const f = setup();
    const next = await f.c.update({ trayIntervalMs: 5000 });
    expect(next.trayIntervalMs).toBe(5000);
    expect(f.c.current()).toBe(next);
    expect(f.saved).toEqual([next]);
    expect(f.applied).toEqual([[2000, 5000]]);
    expect(f.announced).toEqual([next]);
  });

  it('merges concurrent changes one after another', async () => {
    const f = setup();
    await Promise.all([f.c.update({ trayIntervalMs: 3000 }), f.c.update({ temperatureUnit: 'F' })]);
    expect(f.c.current()).toMatchObject({ trayIntervalMs: 3000, temperatureUnit: 'F' });
  });

  it('rejects bad input and unknown alert metrics without changing anything', async () => {
    const f = setup();
    await expect(f.c.update({ trayIntervalMs: 'fast' })).rejects.toThrow(/trayIntervalMs/);
    const bad = DEFAULT_SETTINGS.alerts.map((r, i) => (i === 0 ? { ...r, metric: 'no.such' } : r));
    await expect(f.c.update({ alerts: bad })).rejects.toThrow(/no\.such/);
    expect(f.c.current()).toBe(DEFAULT_SETTINGS);
    expect([f.saved, f.applied, f.announced]).toEqual([[], [], []]);
  });

  it('does not apply a change it could not save', async () => {
    const f = setup(true);
    await expect(f.c.update({ historyDays: 2 })).rejects.toThrow(/read-only/);
    expect(f.c.current()).toBe(DEFAULT_SETTINGS);
    expect(f.applied).toEqual([]);
  });
});

describe('launch at login', () => {
  it('uses the Electron login item on macOS', async () => {
    const calls: boolean[] = [];
    await setLaunchAtLogin(true, {
      platform: 'darwin',
      setLoginItemSettings: (s) => calls.push(s.openAtLogin),
      env: {},
      homeDir: '/nonexistent',
      command: [],
    });
    expect(calls).toEqual([true]);
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const home = mkdtempSync(join(tmpdir(), 'dm-home-'));
    try {
      const deps = {
        platform: 'linux' as const,
        setLoginItemSettings: () => {
          throw new Error('not on Linux');
        },
        env: {},
        homeDir: home,
        command: ['/opt/darwin metrics/darwinmetrics', '--hidden'],
      };
      const file = join(home, '.config', 'autostart', 'darwinmetrics.desktop');
      await setLaunchAtLogin(true, deps);
      expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/darwin metrics/darwinmetrics" "--hidden"\n');
      await setLaunchAtLogin(false, deps);
      expect(existsSync(file)).toBe(false);
      await setLaunchAtLogin(false, deps);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('follows XDG_CONFIG_HOME only when absolute, and quotes Exec arguments', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe('/x/cfg/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'rel' }, '/home/u')).toBe('/home/u/.config/autostart');
    // Quoting escapes " $ ` \ with a backslash; string escaping then doubles every backslash.
    expect(desktopExec(['/a b/c', 'x"$`\\'])).toBe('"/a b/c" "x\\\\"\\\\$\\\\`\\\\\\\\"');
    expect(desktopExec(['/opt/100%/app'])).toBe('"/opt/100%%/app"');
  });
});
