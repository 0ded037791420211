/**
 * Launch at login. macOS: app.setLoginItemSettings (SMAppService under the hood). Linux: Electron's
 * API does nothing there, so we follow the XDG Autostart spec ourselves: a .desktop file in
 * $XDG_CONFIG_HOME/autostart (default ~/.config/autostart),
 * https://specifications.freedesktop.org/autostart-spec/latest/.
 */
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/files';

export const AUTOSTART_FILE = 'darwinmetrics.desktop';

export interface LoginItemDeps {
  readonly platform: NodeJS.Platform;
  /** Electron's app.setLoginItemSettings (macOS). */
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean }) => void;
  /**
   * Electron's app.getLoginItemSettings (macOS): on macOS 13+ its `status` says whether the user
   * must still approve the item in System Settings (SMAppService.Status, Apple developer docs).
   */
  readonly getLoginItemSettings?: () => { readonly status?: string };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** The command that starts the app (process.execPath, plus the app path in development). */
  readonly command: readonly string[];
}

export interface AppLayout {
  readonly isPackaged: boolean;
  /** process.execPath. */
  readonly execPath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** dist/electron/main.mjs, for a development tree. */
  readonly mainScript: string;
}

/**
 * The command a Linux login item runs, for each way the app can be laid out: a development tree
 * (Electron plus our main script), an AppImage (its runtime mounts the app under /tmp/.mount_* for
 * the life of the process, so execPath would be gone at the next login; the runtime puts the
 * .AppImage file's own path in $APPIMAGE, https://docs.appimage.org/packaging-guide/environment-variables.html),
 * or an installed deb (/opt/DarwinMetrics/darwinmetrics, a stable execPath).
 */
export function loginCommand(layout: AppLayout): string[] {
  if (!layout.isPackaged) return [layout.execPath, layout.mainScript];
  const appImage = layout.env['APPIMAGE'];
  return [appImage !== undefined && appImage.startsWith('/') ? appImage : layout.execPath];
}

export function autostartDir(env: LoginItemDeps['env'], homeDir: string): string {
  const config = env['XDG_CONFIG_HOME'];
  // The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  return join(
    config !== undefined && config.startsWith('/') ? config : join(homeDir, '.config'),
    'autostart',
  );
}

/**
 * Desktop Entry Exec quoting (freedesktop Desktop Entry Specification, "The Exec key"): each
 * argument in double quotes with ", `, $ and \ escaped; then the general string escaping, applied
 * before the quoting, doubles every backslash again (a literal \ becomes four), and a literal % is
 * written %% so it is not read as a field code.
 */
export function desktopExec(command: readonly string[]): string {
  return command
    .map((arg) => `"${arg.replace(/(["`$\\])/g, '\\$1')}"`.replace(/\\/g, '\\\\').replace(/%/g, '%%'))
    .join(' ');
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=darwinmetrics',
    'Comment=System monitor in the menu bar',
    `Exec=${desktopExec(command)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function setLaunchAtLogin(enabled: boolean, deps: LoginItemDeps): Promise<void> {
  if (deps.platform === 'darwin') {
    deps.setLoginItemSettings({ openAtLogin: enabled });
    if (enabled && deps.getLoginItemSettings?.().status === 'requires-approval') {
      throw new Error(
        'macOS needs your approval before DarwinMetrics can open at login: open System Settings › General › ' +
          'Login Items and switch DarwinMetrics on.',
      );
    }
    return;
  }
  if (deps.platform !== 'linux') return;
  const dir = autostartDir(deps.env, deps.homeDir);
  const file = join(dir, AUTOSTART_FILE);
  if (enabled) {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(file, autostartEntry(deps.command));
  } else {
    await unlink(file).catch((err: unknown) => {
      if ((err as { code?: string }).code !== 'ENOENT') throw err;
    });
  }
}
