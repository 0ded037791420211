/**
 * Pieces of the metrics service that stand on their own: payload checks for the channels it serves,
 * capabilities read from a sample, and an in-memory settings store for shells without a settings file.
 */
import { hostname } from 'node:os';
import type { HistoryRange } from '../../shared/history-types';
import type {
  Capabilities,
  ExportFormat,
  ExportOptions,
  ReplayInfo,
  Settings,
  SettingsPatch,
} from '../../shared/ipc';
import type { Platform, RawSnapshot } from '../../shared/raw';
import type { Sample } from '../../shared/sample';
import { isSectionName, SECTIONS, type SectionName } from '../../shared/sections';
import { mergeSettings, validateSettingsPatch } from '../../shared/settings';
import { validateHistoryQuery } from '../history';

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

export function checkArity(channel: string, args: readonly unknown[], count: number): void {
  if (!Array.isArray(args)) throw new TypeError(`${channel}: expected an argument array`);
  if (args.length !== count) {
    throw new TypeError(
      `${channel}: expected ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`,
    );
  }
}

export function validateSections(value: unknown, name = 'sections'): SectionName[] {
  if (!Array.isArray(value) || value.length > SECTIONS.length * 4) {
    throw new TypeError(`${name}: expected an array of section names`);
  }
  for (const [i, section] of value.entries()) {
    if (!isSectionName(section)) throw new TypeError(`${name}[${i}]: expected one of ${SECTIONS.join(', ')}`);
  }
  return [...new Set(value as SectionName[])];
}

const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

export function validateExportOptions(value: unknown, name = 'options'): ExportOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name}: expected an object with range, series and format`);
  }
  const { range, series, format } = value as Record<string, unknown>;
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new TypeError(
      `${name}.format: expected one of ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(format)}`,
    );
  }
  if (Array.isArray(series) && series.length === 0)
    throw new TypeError(`${name}.series: expected at least one series id`);
  // The history query check covers range and series ids; its messages name `${name}.<field>`.
  const query = validateHistoryQuery({ series, range, maxPoints: 1 }, name);
  return { range: query.range as HistoryRange, series: query.series, format: format as ExportFormat };
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
