import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../src/main/settings/store';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../src/shared/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('uses the defaults when there is no file yet, without a problem', async () => {
    const store = createSettingsStore(dir, DEFAULT_SETTINGS);
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('moves an unreadable file aside as .bak instead of leaving it for the next save to replace', async () => {
    const store = createSettingsStore(dir, DEFAULT_SETTINGS);
    // A directory where the file should be: reading fails (EISDIR), as it would with EIO.
    mkdirSync(store.path);
    const loaded = await store.load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem?.message).toMatch(/could not be read/);
    expect(loaded.problem?.backupPath).toBe(`${store.path}.bak`);
    expect(statSync(`${store.path}.bak`).isDirectory()).toBe(true);
    await store.save(DEFAULT_SETTINGS);
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('saves and loads back, leaving no temp files', async () => {
    const store = createSettingsStore(dir, DEFAULT_SETTINGS);
    const s = mergeSettings(DEFAULT_SETTINGS, { temperatureUnit: 'F', glanceItems: ['battery'] });
    await store.save(s);
    expect(await store.load()).toEqual({ settings: s });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps the last of concurrent saves', async () => {
    const store = createSettingsStore(dir, DEFAULT_SETTINGS);
    await Promise.all(
      [1, 2, 3, 4, 5].map((d) => store.save(mergeSettings(DEFAULT_SETTINGS, { historyDays: d }))),
    );
    expect((await store.load()).settings.historyDays).toBe(5);
  });

  it.each([
    ['truncated JSON', '{"trayIntervalMs": 2000, "glanceIt'],
    ['an invalid value', '{"trayIntervalMs": -5}'],
    ['an unknown field', '{"colour": "red"}'],
    ['not an object', '[1,2,3]'],
    ['an empty file', ''],
  ])('recovers from %s: file kept as .bak, defaults used, problem reported', async (_what, text) => {
    writeFileSync(join(dir, 'settings.json'), text);
    const store = createSettingsStore(dir, DEFAULT_SETTINGS);
    const loaded = await store.load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem?.backupPath).toBe(join(dir, 'settings.json.bak'));
    expect(loaded.problem?.message).toMatch(/invalid/);
    expect(readFileSync(join(dir, 'settings.json.bak'), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['settings.json.bak']);
    // The next save writes a good file; the backup stays.
    await store.save(DEFAULT_SETTINGS);
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS });
    expect(readdirSync(dir).sort()).toEqual(['settings.json', 'settings.json.bak']);
  });

  it('fails a save into a missing directory without leaving anything behind', async () => {
    const store = createSettingsStore(join(dir, 'gone'), DEFAULT_SETTINGS);
    await expect(store.save(DEFAULT_SETTINGS)).rejects.toThrow(/ENOENT/);
    await store.save(DEFAULT_SETTINGS).catch(() => undefined);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects an empty directory argument', () => {
    expect(() => createSettingsStore('', DEFAULT_SETTINGS)).toThrow(/dir/);
  });
});
