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
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** The command that starts the app (process.execPath, plus the app path in development). */
  readonly command: readonly string[];
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
