/**
 * Inline validation for the settings form: one function per field, each returning the value to
 * save or a sentence saying what is wrong. The rule itself is the shared one
 * (validateSettingsPatch, the same the main process and the server apply); these functions only
 * turn form input into the stored unit and its failure into words.
 */
import type { AlertRule } from '../../../shared/alert-types';
import {
  BATTERY_FACTOR_BOUNDS,
  HISTORY_DAYS_BOUNDS,
  INTERVAL_BOUNDS_MS,
  validateSettingsPatch,
} from '../../../shared/settings';

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const passes = (patch: object): boolean => {
  try {
    validateSettingsPatch(patch);
    return true;
  } catch {
    return false;
  }
};

const seconds = (ms: number): string => `${ms / 1000} s`;

/** A sampling interval typed in seconds ("1.5"), stored in ms. */
export function checkIntervalSeconds(
  field: 'trayIntervalMs' | 'windowIntervalMs',
  text: string,
): Checked<number> {
  const ms = Math.round(Number(text.trim().replace(',', '.')) * 1000);
  if (text.trim() === '' || !Number.isFinite(ms) || !passes({ [field]: ms })) {
    return {
      ok: false,
      error: `Enter a number of seconds from ${seconds(INTERVAL_BOUNDS_MS.min)} to ${seconds(INTERVAL_BOUNDS_MS.max)}.`,
    };
  }
  return { ok: true, value: ms };
}

export function checkBatteryFactor(factor: number): Checked<number> {
  return passes({ batteryIntervalFactor: factor })
    ? { ok: true, value: factor }
    : {
        ok: false,
        error: `On battery, sampling can slow down ${BATTERY_FACTOR_BOUNDS.min} to ${BATTERY_FACTOR_BOUNDS.max} times.`,
      };
}

export function checkHistoryDays(days: number): Checked<number> {
  return passes({ historyDays: days })
    ? { ok: true, value: days }
    : { ok: false, error: `Keep from ${HISTORY_DAYS_BOUNDS.min} to ${HISTORY_DAYS_BOUNDS.max} days.` };
}

/** A rule with one form field changed; `field` names which, for the message. */
export function checkAlertRule(
  rule: AlertRule,
  field: 'threshold' | 'forMs' | 'cooldownMs',
): Checked<AlertRule> {
  if (passes({ alerts: [rule] })) return { ok: true, value: rule };
  const what = {
    threshold: 'The threshold must be a number.',
    forMs: 'Hold for 0 seconds to 1 day (86 400 s).',
    cooldownMs: 'Wait 0 minutes to 1 day (1 440 min) between two notifications.',
  }[field];
  return { ok: false, error: what };
}
