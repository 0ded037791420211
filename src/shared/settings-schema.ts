/**
 * The settings schema: every field's rule, declared once and used by the settings file loader, main's
 * IPC, `nmetrics serve` and the renderer's settings form; the Settings type is inferred from it.
 */
import * as v from 'valibot';
import { AlertRuleSchema } from './alert-types';
import { bool, exactObject, intIn, listOf, numberIn, oneOf, recordOf } from './schema-kit';

/** What the menu-bar title may show, in the user's order. */
export const GLANCE_ITEMS = ['cpu', 'cpu-temp', 'battery', 'battery-time', 'gpu', 'network', 'fan'] as const;
export type GlanceItem = (typeof GLANCE_ITEMS)[number];
export const TEMPERATURE_UNITS = ['C', 'F'] as const;
export type TemperatureUnit = (typeof TEMPERATURE_UNITS)[number];

/**
 * Interval bounds, ms. Below 250 ms the kernel counters we read (jiffies at 100 Hz on Linux,
 * host_processor_info ticks on macOS) move by only a few ticks, so percentages become noise; above
 * one minute the tray glance is stale enough to mislead.
 */
export const INTERVAL_BOUNDS_MS = { min: 250, max: 60_000 } as const;
/** Battery slow-down factor: 1 = no change; 10 keeps a 2 s tray interval under the 1 min maximum. */
export const BATTERY_FACTOR_BOUNDS = { min: 1, max: 10 } as const;
/** History length in days: a day to two years (core/history/tier.ts tiersForDays). */
export const HISTORY_DAYS_BOUNDS = { min: 1, max: 730 } as const;
/** The lengths the settings view offers, days. */
export const HISTORY_DAYS_CHOICES: readonly number[] = [1, 7, 30, 90, 365, 730];
/** More rules than anyone writes by hand; bounds the work of one evaluation per sample. */
export const MAX_ALERT_RULES = 100;

const glanceItems = v.pipe(
  listOf(oneOf(GLANCE_ITEMS), 'glance items', GLANCE_ITEMS.length),
  v.check((items) => new Set(items).size === items.length, 'no repeated items'),
);

const alerts = v.pipe(
  listOf(AlertRuleSchema, 'alert rules', MAX_ALERT_RULES),
  v.check((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'unique rule ids'),
);

const fields = {
  /** Sampling interval for the tray glance with every window hidden, ms. */
  trayIntervalMs: intIn(INTERVAL_BOUNDS_MS.min, INTERVAL_BOUNDS_MS.max),
  /** Sampling interval while a window is visible, ms. */
  windowIntervalMs: intIn(INTERVAL_BOUNDS_MS.min, INTERVAL_BOUNDS_MS.max),
  /** Multiply intervals by this on battery power (1 = no change). */
  batteryIntervalFactor: numberIn(BATTERY_FACTOR_BOUNDS.min, BATTERY_FACTOR_BOUNDS.max),
  glanceItems,
  temperatureUnit: oneOf(TEMPERATURE_UNITS),
  launchAtLogin: bool,
  /** Check GitHub releases for a new version at start and daily, download it, install on quit. */
  autoUpdate: bool,
  /** How many days of history to keep. */
  historyDays: intIn(HISTORY_DAYS_BOUNDS.min, HISTORY_DAYS_BOUNDS.max),
  alerts,
  /** Per-rule switch for system notifications, by rule id. */
  notifications: recordOf(bool, 'an object of rule id → true/false'),
};

export const SettingsSchema = exactObject(fields, 'an object of settings');
/** A change from the renderer, the web API or a file: any subset of the fields. */
export const SettingsPatchSchema = exactObject(
  Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, v.exactOptional(s)])) as {
    readonly [K in keyof typeof fields]: v.ExactOptionalSchema<(typeof fields)[K], undefined>;
  },
  'an object of settings',
);

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;
/** The setting names, in the file's order. */
export const SETTINGS_KEYS = Object.keys(fields) as readonly (keyof Settings)[];
