/**
 * App settings: defaults, validation of patches from the renderer / web API, merge, and the validated
 * load of the JSON file kept in userData. Shared by Electron main, `nmetrics serve` and the renderer.
 */
import { DEFAULT_ALERT_RULES } from './alert-defaults';
import type { AlertRule, Comparison } from './alert-types';
import type { GlanceItem, Settings, SettingsPatch, TemperatureUnit } from './ipc';

export const GLANCE_ITEMS: readonly GlanceItem[] = [
  'cpu',
  'cpu-temp',
  'battery',
  'battery-time',
  'gpu',
  'network',
  'fan',
];
export const TEMPERATURE_UNITS: readonly TemperatureUnit[] = ['C', 'F'];
const COMPARISONS: readonly Comparison[] = ['>', '>=', '<', '<='];

/**
 * Interval bounds, ms. Below 250 ms the kernel counters we read (jiffies at 100 Hz on Linux,
 * host_processor_info ticks on macOS) move by only a few ticks, so percentages become noise; above
 * one minute the tray glance is stale enough to mislead.
 */
export const INTERVAL_BOUNDS_MS = { min: 250, max: 60_000 } as const;
/** Battery slow-down factor: 1 = no change; 10 keeps a 2 s tray interval under the 1 min maximum. */
export const BATTERY_FACTOR_BOUNDS = { min: 1, max: 10 } as const;
/** History length in days: a day to two years (core/history/tier.ts tiersForDays, issue 14). */
export const HISTORY_DAYS_BOUNDS = { min: 1, max: 730 } as const;
/** The lengths the settings view offers, days. */
export const HISTORY_DAYS_CHOICES: readonly number[] = [1, 7, 30, 90, 365, 730];

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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(field: string, expected: string, value: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  if (shown.length > 60) shown = `${shown.slice(0, 57)}...`;
  throw new TypeError(`settings.${field}: expected ${expected}, got ${shown}`);
}

function int(field: string, v: unknown, bounds: { readonly min: number; readonly max: number }): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < bounds.min || v > bounds.max) {
    fail(field, `an integer from ${bounds.min} to ${bounds.max}`, v);
  }
  return v;
}

function num(field: string, v: unknown, bounds?: { readonly min: number; readonly max: number }): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(field, 'a finite number', v);
  if (bounds && (v < bounds.min || v > bounds.max))
    fail(field, `a number from ${bounds.min} to ${bounds.max}`, v);
  return v;
}

function bool(field: string, v: unknown): boolean {
  if (typeof v !== 'boolean') fail(field, 'true or false', v);
  return v;
}

function str(field: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 200)
    fail(field, 'a non-empty string (≤ 200 chars)', v);
  return v;
}

function oneOf<T extends string>(field: string, v: unknown, options: readonly T[]): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    fail(field, `one of ${options.join(', ')}`, v);
  }
  return v as T;
}

function glanceItems(v: unknown): readonly GlanceItem[] {
  if (!Array.isArray(v)) fail('glanceItems', 'an array', v);
  const items = v.map((item, i) => oneOf(`glanceItems[${i}]`, item, GLANCE_ITEMS));
  if (new Set(items).size !== items.length) fail('glanceItems', 'no repeated items', v);
  return items;
}

/** One day of milliseconds bounds forMs and cooldownMs: longer waits are not "alerts". */
const DAY_MS = 86_400_000;

function alertRule(prefix: string, v: unknown): AlertRule {
  if (!isRecord(v)) fail(prefix, 'an object', v);
  const known = [
    'id',
    'label',
    'enabled',
    'metric',
    'comparison',
    'threshold',
    'forMs',
    'hysteresis',
    'cooldownMs',
  ];
  for (const key of Object.keys(v))
    if (!known.includes(key)) fail(`${prefix}.${key}`, 'no such field', v[key]);
  return {
    id: str(`${prefix}.id`, v.id),
    label: str(`${prefix}.label`, v.label),
    enabled: bool(`${prefix}.enabled`, v.enabled),
    metric: str(`${prefix}.metric`, v.metric),
    comparison: oneOf(`${prefix}.comparison`, v.comparison, COMPARISONS),
    threshold: num(`${prefix}.threshold`, v.threshold),
    forMs: int(`${prefix}.forMs`, v.forMs, { min: 0, max: DAY_MS }),
    hysteresis: num(`${prefix}.hysteresis`, v.hysteresis, { min: 0, max: Number.MAX_VALUE }),
    cooldownMs: int(`${prefix}.cooldownMs`, v.cooldownMs, { min: 0, max: DAY_MS }),
  };
}

function alerts(v: unknown): readonly AlertRule[] {
  if (!Array.isArray(v)) fail('alerts', 'an array', v);
  const rules = v.map((rule, i) => alertRule(`alerts[${i}]`, rule));
  const ids = rules.map((r) => r.id);
  if (new Set(ids).size !== ids.length) fail('alerts', 'unique rule ids', ids);
  return rules;
}

function notifications(v: unknown): Readonly<Record<string, boolean>> {
  if (!isRecord(v)) fail('notifications', 'an object of rule id → true/false', v);
  const out: Record<string, boolean> = {};
  for (const [id, on] of Object.entries(v)) out[id] = bool(`notifications.${id}`, on);
  return out;
}

const validators: { readonly [K in keyof Settings]-?: (v: unknown) => Settings[K] } = {
  trayIntervalMs: (v) => int('trayIntervalMs', v, INTERVAL_BOUNDS_MS),
  windowIntervalMs: (v) => int('windowIntervalMs', v, INTERVAL_BOUNDS_MS),
  batteryIntervalFactor: (v) => num('batteryIntervalFactor', v, BATTERY_FACTOR_BOUNDS),
  glanceItems,
  temperatureUnit: (v) => oneOf('temperatureUnit', v, TEMPERATURE_UNITS),
  launchAtLogin: (v) => bool('launchAtLogin', v),
  historyDays: (v) => int('historyDays', v, HISTORY_DAYS_BOUNDS),
  alerts,
  notifications,
};

const SETTINGS_KEYS = Object.keys(validators) as (keyof Settings)[];

/**
 * Validates untrusted input (IPC, HTTP, a file) as a settings patch. Returns a fresh object holding
 * only known, valid fields; throws a TypeError naming the first bad field. Unknown fields are
 * rejected too, so a typo never silently does nothing.
 */
export function validateSettingsPatch(patch: unknown): SettingsPatch {
  if (!isRecord(patch)) fail('patch', 'an object', patch);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!(SETTINGS_KEYS as string[]).includes(key)) fail(key, 'no such setting', value);
    out[key] = validators[key as keyof Settings](value);
  }
  return out as SettingsPatch;
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
