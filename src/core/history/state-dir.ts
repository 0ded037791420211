/**
 * Where `nmetrics serve` keeps its history unless told otherwise: the platform's directory for state
 * that persists across restarts but is not user documents.
 * - macOS: ~/Library/Application Support/<app> (Apple, "File System Programming Guide: The Library
 *   Directory Stores App-Specific Files").
 * - Linux and others: $XDG_STATE_HOME, or ~/.local/state when it is unset, empty or relative (XDG Base
 *   Directory Specification 0.8, https://specifications.freedesktop.org/basedir-spec/latest/).
 * The app keeps its own history in its userData folder, so the app and a daemon can run side by side.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const STATE_APP_NAME = 'nmetrics';

export function defaultHistoryDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', STATE_APP_NAME, 'history');
  const xdg = env['XDG_STATE_HOME'];
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, '.local', 'state');
  return join(base, STATE_APP_NAME, 'history');
}
