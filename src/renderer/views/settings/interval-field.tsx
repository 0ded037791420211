import { useState } from 'react';
import { checkIntervalSeconds } from './field-checks';

/** The usual choices (issue 16): one, two, five and ten seconds, or a value of one's own. */
export const INTERVAL_CHOICES_MS: readonly number[] = [1000, 2000, 5000, 10_000];
const CUSTOM = 'custom';

export const secondsText = (ms: number): string => `${ms / 1000} s`;

export interface IntervalFieldProps {
  readonly field: 'trayIntervalMs' | 'windowIntervalMs';
  readonly label: string;
  readonly hint: string;
  readonly valueMs: number;
  readonly disabled: boolean;
  readonly onApply: (ms: number) => void;
}

/** A sampling interval: a choice of common values, and a seconds box for any other. */
export function IntervalField({ field, label, hint, valueMs, disabled, onApply }: IntervalFieldProps) {
  const preset = INTERVAL_CHOICES_MS.includes(valueMs);
  const [custom, setCustom] = useState(!preset);
  const [text, setText] = useState(String(valueMs / 1000));
  const [error, setError] = useState<string | null>(null);
  const id = `set-${field}`;
  const apply = (): void => {
    const checked = checkIntervalSeconds(field, text);
    setError(checked.ok ? null : checked.error);
    if (checked.ok && checked.value !== valueMs) onApply(checked.value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-controls">
        <select
          id={id}
          value={custom ? CUSTOM : String(valueMs)}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            if (e.target.value === CUSTOM) {
              setCustom(true);
              return;
            }
            setCustom(false);
            setError(null);
            setText(String(Number(e.target.value) / 1000));
            onApply(Number(e.target.value));
          }}
        >
          {INTERVAL_CHOICES_MS.map((ms) => (
            <option key={ms} value={ms}>
              {secondsText(ms)}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
        {custom ? (
          <>
            <input
              id={`${id}-custom`}
              type="text"
              inputMode="decimal"
              size={5}
              value={text}
              disabled={disabled}
              aria-label={`${label}, in seconds`}
              aria-invalid={error !== null}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setText(e.target.value)}
              onBlur={apply}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  apply();
                }
              }}
            />
            <span aria-hidden="true">seconds</span>
          </>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="fine">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error tone-critical" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
