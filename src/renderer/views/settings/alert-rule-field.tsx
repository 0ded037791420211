import { useState } from 'react';
import type { AlertRule } from '../../../shared/alert-types';
import { celsiusToFahrenheit } from '../../../shared/format';
import type { TemperatureUnit } from '../../../shared/ipc';
import { ALERT_METRIC_TEXT, COMPARISON_WORDS } from '../../lib/labels';
import { checkAlertRule } from './field-checks';

export interface AlertRuleFieldProps {
  readonly rule: AlertRule;
  readonly notify: boolean;
  readonly unit: TemperatureUnit;
  readonly disabled: boolean;
  readonly onRule: (rule: AlertRule) => void;
  readonly onNotify: (on: boolean) => void;
}

type NumberField = 'threshold' | 'forMs' | 'cooldownMs';

/** Threshold in the unit the user reads temperatures in; stored in °C. */
function shown(
  rule: AlertRule,
  field: NumberField,
  unit: TemperatureUnit,
  isCelsius: boolean,
  scale = 1,
): number {
  if (field === 'forMs') return rule.forMs / 1000;
  if (field === 'cooldownMs') return rule.cooldownMs / 60_000;
  if (isCelsius && unit === 'F') return Math.round(celsiusToFahrenheit(rule.threshold));
  return rule.threshold / scale;
}

function stored(field: NumberField, n: number, unit: TemperatureUnit, isCelsius: boolean, scale = 1): number {
  if (field === 'forMs') return Math.round(n * 1000);
  if (field === 'cooldownMs') return Math.round(n * 60_000);
  return isCelsius && unit === 'F' ? Math.round((((n - 32) * 5) / 9) * 10) / 10 : n * scale;
}

/** One alert: on/off, notification, and its threshold, hold time and quiet time in plain words. */
export function AlertRuleField({ rule, notify, unit, disabled, onRule, onNotify }: AlertRuleFieldProps) {
  const text = ALERT_METRIC_TEXT[rule.metric];
  const isCelsius = text?.unit === '°C';
  const [drafts, setDrafts] = useState<Partial<Record<NumberField, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<NumberField, string>>>({});
  const id = `alert-${rule.id}`;

  const commit = (field: NumberField): void => {
    const draft = drafts[field];
    if (draft === undefined) return;
    const n = Number(draft.trim().replace(',', '.'));
    const next = {
      ...rule,
      [field]: draft.trim() === '' ? NaN : stored(field, n, unit, isCelsius, text?.scale),
    };
    const checked = checkAlertRule(next, field);
    setErrors({ ...errors, [field]: checked.ok ? undefined : checked.error });
    if (checked.ok) {
      setDrafts({ ...drafts, [field]: undefined });
      onRule(checked.value);
    }
  };

  const numberBox = (field: NumberField, label: string) => (
    <input
      type="text"
      inputMode="decimal"
      size={4}
      aria-label={`${rule.label}: ${label}`}
      value={drafts[field] ?? String(shown(rule, field, unit, isCelsius, text?.scale))}
      disabled={disabled}
      aria-invalid={errors[field] !== undefined}
      onChange={(e) => setDrafts({ ...drafts, [field]: e.target.value })}
      onBlur={() => commit(field)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(field);
        }
      }}
    />
  );

  const threshold =
    text?.levels !== undefined ? (
      <select
        aria-label={`${rule.label}: level`}
        value={rule.threshold}
        disabled={disabled}
        onChange={(e) => onRule({ ...rule, threshold: Number(e.target.value) })}
      >
        {text.levels.map((name, level) => (
          <option key={name} value={level}>
            {name}
          </option>
        ))}
      </select>
    ) : (
      <>
        {numberBox('threshold', 'threshold')} {isCelsius ? `°${unit}` : text?.unit}
      </>
    );

  return (
    <li className="alert-rule" aria-labelledby={`${id}-name`}>
      <div className="alert-head">
        <label className="inline" id={`${id}-name`}>
          <input
            type="checkbox"
            checked={rule.enabled}
            disabled={disabled}
            onChange={(e) => onRule({ ...rule, enabled: e.target.checked })}
          />
          {rule.label}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={notify}
            disabled={disabled || !rule.enabled}
            onChange={(e) => onNotify(e.target.checked)}
          />
          Notify me
        </label>
      </div>
      <p className="alert-sentence">
        When {text?.subject ?? rule.metric} is {COMPARISON_WORDS[rule.comparison] ?? rule.comparison}{' '}
        {threshold} for {numberBox('forMs', 'seconds it must last')} s; at most once every{' '}
        {numberBox('cooldownMs', 'minutes between notifications')} min.
      </p>
      {Object.values(errors).some((e) => e !== undefined) ? (
        <p className="field-error tone-critical" role="alert">
          {Object.values(errors).filter(Boolean).join(' ')}
        </p>
      ) : null}
    </li>
  );
}
