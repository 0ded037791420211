// Launch at login in the packaged layouts electron-builder.yml produces: the deb's install path,
// an AppImage, the macOS bundle (Electron's login item, with the approval macOS 13+ may ask for).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { loginCommand, setLaunchAtLogin } from '../../../src/main/app/login-item';

const root = join(import.meta.dirname, '..', '..', '..');

/** Where electron-builder's deb puts the executable: /opt/<productName>/<executableName>. */
async function debExecutable(): Promise<string> {
  const config = await getConfig(root, null, null);
  return `/opt/${config.productName}/${config.linux!.executableName}`;
}

async function autostartExec(command: string[]): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'dm-login-'));
  try {
    const deps = {
      platform: 'linux' as const,
      setLoginItemSettings: () => undefined,
      env: {},
      homeDir: home,
      command,
    };
    await setLaunchAtLogin(true, deps);
    const entry = readFileSync(join(home, '.config', 'autostart', 'darwinmetrics.desktop'), 'utf8');
    return /^Exec=(.*)$/m.exec(entry)![1]!;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe('loginCommand in each layout', () => {
  it('an installed deb starts its own executable', async () => {
    const exe = await debExecutable();
    expect(exe).toBe('/opt/DarwinMetrics/darwinmetrics');
    const command = loginCommand({ isPackaged: true, execPath: exe, env: {}, mainScript: '/x/main.mjs' });
    expect(await autostartExec(command)).toBe(`"${exe}"`);
  });

  it('an AppImage starts the .AppImage file, not its temporary mount', async () => {
    const command = loginCommand({
      isPackaged: true,
      execPath: '/tmp/.mount_DarwinAbc123/darwinmetrics',
      env: { APPIMAGE: '/home/u/Apps/DarwinMetrics-0.1.0.AppImage' },
      mainScript: '/x/main.mjs',
    });
    expect(await autostartExec(command)).toBe('"/home/u/Apps/DarwinMetrics-0.1.0.AppImage"');
    // A relative APPIMAGE is not the runtime's: ignore it.
    expect(
      loginCommand({ isPackaged: true, execPath: '/e', env: { APPIMAGE: 'x' }, mainScript: '' }),
    ).toEqual(['/e']);
  });

  it('a development tree starts Electron with the main script', () => {
    expect(
      loginCommand({ isPackaged: false, execPath: '/n/electron', env: {}, mainScript: '/r/main.mjs' }),
    ).toEqual(['/n/electron', '/r/main.mjs']);
  });
});

describe('launch at login on macOS', () => {
  const mac = (status: string) => {
    const set: boolean[] = [];
    return {
      set,
      deps: {
        platform: 'darwin' as const,
        setLoginItemSettings: (s: { openAtLogin: boolean }) => void set.push(s.openAtLogin),
        getLoginItemSettings: () => ({ status }),
        env: {},
        homeDir: '/nonexistent',
        command: [],
      },
    };
  };

  it('registers the bundle through Electron and accepts an enabled item', async () => {
    const f = mac('enabled');
    await setLaunchAtLogin(true, f.deps);
    await setLaunchAtLogin(false, f.deps);
    expect(f.set).toEqual([true, false]);
  });

  it('says where to approve the item when macOS asks for approval', async () => {
    await expect(setLaunchAtLogin(true, mac('requires-approval').deps)).rejects.toThrow(
      /System Settings › General › Login Items/,
    );
  });
});
