/**
 * App settings: defaults, validation of patches from the renderer / web API (with the one schema of
 * settings-schema.ts), merge, and the validated load of the JSON file kept in userData. Shared by Electron main, `nmetrics serve` and the renderer.
 */
import { DEFAULT_ALERT_RULES } from './alert-defaults';
import type { AlertRule } from './alert-types';
import { parseWith } from './schema-kit';
import { SETTINGS_KEYS, SettingsPatchSchema, type Settings, type SettingsPatch } from './settings-schema';

export {
  BATTERY_FACTOR_BOUNDS,
  GLANCE_ITEMS,
  HISTORY_DAYS_BOUNDS,
  HISTORY_DAYS_CHOICES,
  INTERVAL_BOUNDS_MS,
  MAX_ALERT_RULES,
  TEMPERATURE_UNITS,
} from './settings-schema';

/**
 * Defaults: the tray samples every 2 s and a visible window every 1 s (issue 7). The glance shows the
 * hottest CPU temperature then CPU busy ("62° 87%", DESIGN.md §5). Alert rules are the engine's
 * defaults (alert-defaults.ts), each with its notification switched on.
 */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  trayIntervalMs: 2000,
  windowIntervalMs: 1000,
  batteryIntervalFactor: 1,
  glanceItems: Object.freeze(['cpu-temp', 'cpu'] as const),
  temperatureUnit: 'C',
  launchAtLogin: false,
  // Security fixes reach people only if updates are on; the app says so when one fails (issue 12).
  autoUpdate: true,
  // A year, as the dashboard's longest range ('1y'): kept on disk (about 24 MB written a day at the
  // 200-series cap, README "History on disk"), only the last day at 10 s in memory.
  historyDays: 365,
  alerts: DEFAULT_ALERT_RULES,
  notifications: Object.freeze(Object.fromEntries(DEFAULT_ALERT_RULES.map((rule) => [rule.id, true]))),
});

/** Settings with the given alert rules instead, each notifying. */
export function withDefaultAlerts(base: Settings, rules: readonly AlertRule[]): Settings {
  const notifications: Record<string, boolean> = {};
  for (const rule of rules) notifications[rule.id] = true;
  return { ...base, alerts: rules, notifications };
}

/**
 * Validates untrusted input (IPC, HTTP, a file) against the settings schema (settings-schema.ts).
 * Returns a fresh object holding only known, valid fields; throws a TypeError naming the first bad field. Unknown fields are
 * rejected too, so a typo never silently does nothing.
 */
export function validateSettingsPatch(patch: unknown): SettingsPatch {
  return parseWith(SettingsPatchSchema, patch, 'settings');
}

/** base with the patch's fields replaced (arrays and records are replaced whole, not merged). */
export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  const merged: Record<string, unknown> = { ...base };
  for (const key of SETTINGS_KEYS) {
    if (patch[key] !== undefined) merged[key] = patch[key];
  }
  return merged as unknown as Settings;
}

/**
 * Parses the settings file: JSON, validated field by field, missing fields filled from `defaults`
 * (a file written by an older version lacks newer fields). Throws (SyntaxError or TypeError) on a
 * corrupt file; the caller keeps it as .bak and uses the defaults.
 */
export function parseSettingsFile(text: string, defaults: Settings = DEFAULT_SETTINGS): Settings {
  const parsed: unknown = JSON.parse(text);
  return mergeSettings(defaults, validateSettingsPatch(parsed));
}

/** The file form of settings: stable key order, two-space indent, trailing newline. */
export function serializeSettings(settings: Settings): string {
  const ordered: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) ordered[key] = settings[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
