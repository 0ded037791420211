import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../../src/shared/alert-defaults';
import type { AlertRule } from '../../src/shared/alert-types';
import {
  DEFAULT_SETTINGS,
  mergeSettings,
  parseSettingsFile,
  serializeSettings,
  validateSettingsPatch,
  withDefaultAlerts,
} from '../../src/shared/settings';

const rule: AlertRule = {
  id: 'cpu-hot',
  label: 'CPU hot',
  enabled: true,
  metric: 'thermal.cpu.max',
  comparison: '>=',
  threshold: 95,
  forMs: 30_000,
  hysteresis: 5,
  cooldownMs: 600_000,
};

describe('validateSettingsPatch', () => {
  it('accepts valid fields and returns only them', () => {
    const patch = validateSettingsPatch({ trayIntervalMs: 5000, temperatureUnit: 'F', alerts: [rule] });
    expect(patch).toEqual({ trayIntervalMs: 5000, temperatureUnit: 'F', alerts: [rule] });
  });

  it('accepts every default value', () => {
    expect(validateSettingsPatch(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)))).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [null, /^settings: expected an object of settings, got null$/],
    [[1], /^settings: expected an object of settings/],
    [{ trayIntervalMs: 10 }, /settings\.trayIntervalMs/],
    [{ windowIntervalMs: 1.5 }, /settings\.windowIntervalMs/],
    [{ windowIntervalMs: '1000' }, /settings\.windowIntervalMs/],
    [{ batteryIntervalFactor: 0.5 }, /settings\.batteryIntervalFactor/],
    [{ batteryIntervalFactor: Number.NaN }, /settings\.batteryIntervalFactor/],
    [{ glanceItems: ['cpu', 'ram'] }, /settings\.glanceItems\[1\]/],
    [{ glanceItems: ['cpu', 'cpu'] }, /settings\.glanceItems/],
    [{ temperatureUnit: 'K' }, /settings\.temperatureUnit/],
    [{ launchAtLogin: 'yes' }, /settings\.launchAtLogin/],
    [{ historyDays: 731 }, /settings\.historyDays/],
    [{ alerts: [{ ...rule, comparison: '==' }] }, /settings\.alerts\[0\]\.comparison/],
    [{ alerts: [{ ...rule, extra: 1 }] }, /settings\.alerts\[0\]\.extra/],
    [{ alerts: [rule, rule] }, /unique rule ids/],
    [{ notifications: { 'cpu-hot': 1 } }, /settings\.notifications\.cpu-hot/],
    [{ trayIntervalMS: 2000 }, /^settings\.trayIntervalMS: no such field$/],
  ])('rejects %j naming the field', (patch, message) => {
    expect(() => validateSettingsPatch(patch)).toThrow(message);
  });
});

describe('DEFAULT_SETTINGS', () => {
  it('starts with the engine’s alert rules, each notifying', () => {
    expect(DEFAULT_SETTINGS.alerts).toBe(DEFAULT_ALERT_RULES);
    expect(Object.keys(DEFAULT_SETTINGS.notifications)).toEqual(DEFAULT_ALERT_RULES.map((r) => r.id));
    expect(Object.values(DEFAULT_SETTINGS.notifications).every((on) => on)).toBe(true);
  });
});

describe('mergeSettings', () => {
  it('replaces only the patched fields and leaves the base untouched', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, { historyDays: 3, glanceItems: ['battery'] });
    expect(merged.historyDays).toBe(3);
    expect(merged.glanceItems).toEqual(['battery']);
    expect(merged.trayIntervalMs).toBe(DEFAULT_SETTINGS.trayIntervalMs);
    expect(DEFAULT_SETTINGS.historyDays).toBe(365);
  });
});

describe('parseSettingsFile', () => {
  it('round-trips serializeSettings', () => {
    const s = withDefaultAlerts(mergeSettings(DEFAULT_SETTINGS, { temperatureUnit: 'F' }), [rule]);
    expect(parseSettingsFile(serializeSettings(s))).toEqual(s);
  });
  it('fills fields missing from an older file with defaults', () => {
    expect(parseSettingsFile('{"historyDays": 2}')).toEqual({ ...DEFAULT_SETTINGS, historyDays: 2 });
  });
  it('throws on corrupt JSON and on invalid values', () => {
    expect(() => parseSettingsFile('{"historyDays": 2')).toThrow(SyntaxError);
    expect(() => parseSettingsFile('{"historyDays": 0}')).toThrow(/historyDays/);
    expect(() => parseSettingsFile('')).toThrow();
  });
});
