/**
 * Settings on disk: one JSON file in userData, validated on load (src/shared/settings.ts), written
 * with core's one atomic writer (src/core/files), so a crash mid-write leaves the old file or the
 * new one, never half of one. A file that does not parse or validate is moved aside to
 * `<name>.bak`, the defaults are used, and the caller tells the user.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/files';
import type { Settings } from '../../shared/ipc';
import { parseSettingsFile, serializeSettings } from '../../shared/settings';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsLoad {
  readonly settings: Settings;
  /** Set when the file existed but could not be used: what went wrong and where the old file went. */
  readonly problem?: { readonly message: string; readonly backupPath?: string };
}

export interface SettingsStore {
  readonly path: string;
  load(): Promise<SettingsLoad>;
  /** Writes atomically; saves run one after another in call order. */
  save(settings: Settings): Promise<void>;
}

const errCode = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
const errMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function createSettingsStore(dir: string, defaults: Settings): SettingsStore {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('dir: expected a directory path');
  const path = join(dir, SETTINGS_FILE);
  let queue: Promise<void> = Promise.resolve();

  return {
    path,
    async load() {
      // A file we cannot use is kept as .bak, never left where the next save would replace it.
      const setAside = async (reason: string): Promise<SettingsLoad> => {
        const backupPath = `${path}.bak`;
        try {
          await rename(path, backupPath);
        } catch (renameErr) {
          return {
            settings: defaults,
            problem: { message: `${path} ${reason} and could not be moved aside: ${errMessage(renameErr)}` },
          };
        }
        return { settings: defaults, problem: { message: `${path} ${reason}`, backupPath } };
      };
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        if (errCode(err) === 'ENOENT') return { settings: defaults };
        return setAside(`could not be read (${errMessage(err)})`);
      }
      try {
        return { settings: parseSettingsFile(text, defaults) };
      } catch (err) {
        return setAside(`was invalid (${errMessage(err)})`);
      }
    },
    save(settings) {
      const run = queue.then(() => writeFileAtomic(path, serializeSettings(settings)));
      // The queue continues after a failed save; the caller still sees the failure.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
