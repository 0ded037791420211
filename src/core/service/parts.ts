/**
 * Pieces of the metrics service that stand on their own: capabilities read from a sample, and an in-memory settings store for shells without a settings file.
 */
import { hostname } from 'node:os';
import type { Capabilities, ReplayInfo, Settings, SettingsPatch } from '../../shared/ipc';
import type { Platform, RawSnapshot } from '../../shared/raw';
import type { Sample } from '../../shared/sample';
import { SECTIONS, type SectionName } from '../../shared/sections';
import { mergeSettings, validateSettingsPatch } from '../../shared/settings';

/** How the service reads and changes settings; the app backs it with its settings file. */
export interface SettingsStore {
  get(): Settings | Promise<Settings>;
  /** Applies a validated patch and returns the new settings. */
  set(patch: SettingsPatch): Settings | Promise<Settings>;
}

/** Settings kept in memory (nmetrics serve, tests); `onChange` hears every change. */
export function createMemorySettingsStore(
  initial: Settings,
  onChange?: (settings: Settings) => void,
): SettingsStore {
  let current = initial;
  return {
    get: () => current,
    set: (patch) => {
      current = mergeSettings(current, validateSettingsPatch(patch));
      onChange?.(current);
      return current;
    },
  };
}

/**
 * What this machine can report, from a sample that asked for every section: a section that came
 * back as an error is unavailable with its message as the reason; one absent from the sample is
 * unknown and left out.
 */
export function capabilitiesOf(
  sample: Sample | RawSnapshot,
  shell: Capabilities['shell'],
  canChangeSettings: boolean,
  replay?: ReplayInfo,
): Capabilities {
  const sections: Partial<Record<SectionName, { available: boolean; reason?: string }>> = {};
  for (const name of SECTIONS) {
    const result = sample[name];
    if (result === undefined) continue;
    sections[name] = result.ok
      ? { available: true }
      : { available: false, reason: `${result.error.reason}: ${result.error.message}` };
  }
  const host = sample.host?.ok ? sample.host.value : undefined;
  const platform: Platform = host?.platform ?? (process.platform === 'darwin' ? 'darwin' : 'linux');
  const caps: Capabilities = {
    platform,
    shell,
    sections,
    hostname: host?.hostname ?? hostname(),
    canChangeSettings,
  };
  return replay === undefined ? caps : { ...caps, replay };
}
