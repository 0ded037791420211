/**
 * What the main process lets the user change (Settings in src/shared/ipc.ts). Inputs are checked
 * with the same validateSettingsPatch the main process and the server use, so the message shown
 * here names the field exactly as the backend would.
 */
import { useState, type FormEvent } from 'react';
import type { GlanceItem, Settings, SettingsPatch } from '../../../shared/ipc';
import {
  BATTERY_FACTOR_BOUNDS,
  GLANCE_ITEMS,
  HISTORY_DAYS_CHOICES,
  INTERVAL_BOUNDS_MS,
  validateSettingsPatch,
} from '../../../shared/settings';
import { useApp } from '../../store/use-app';

/** "1 day", "30 days", "1 year", "2 years". */
export function historyLengthLabel(days: number): string {
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  return days === 1 ? '1 day' : `${days} days`;
}

function SettingsForm({ settings, readOnly }: { readonly settings: Settings; readonly readOnly: boolean }) {
  const save = useApp((s) => s.saveSettings);
  const serverError = useApp((s) => s.settingsError);
  const [draft, setDraft] = useState<Settings>(settings);
  const [message, setMessage] = useState('');
  const set = <K extends keyof Settings>(key: K, value: Settings[K]): void =>
    setDraft({ ...draft, [key]: value });

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const patch: SettingsPatch = {
      trayIntervalMs: draft.trayIntervalMs,
      windowIntervalMs: draft.windowIntervalMs,
      batteryIntervalFactor: draft.batteryIntervalFactor,
      glanceItems: draft.glanceItems,
      temperatureUnit: draft.temperatureUnit,
      launchAtLogin: draft.launchAtLogin,
      autoUpdate: draft.autoUpdate,
      historyDays: draft.historyDays,
      notifications: draft.notifications,
    };
    try {
      await save(validateSettingsPatch(patch));
      setMessage('Saved');
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };

  const number = (
    key: 'trayIntervalMs' | 'windowIntervalMs' | 'batteryIntervalFactor',
    label: string,
    min: number,
    max: number,
    step = 1,
  ) => (
    <div className="field">
      <label htmlFor={`set-${key}`}>{label}</label>
      <input
        id={`set-${key}`}
        type="number"
        min={min}
        max={max}
        step={step}
        value={draft[key]}
        disabled={readOnly}
        onChange={(e) => set(key, Number(e.target.value))}
      />
    </div>
  );

  return (
    <form
      className="card settings-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-describedby={readOnly ? 'settings-ro' : undefined}
    >
      {readOnly ? (
        <p id="settings-ro" className="banner tone-warning">
          Read-only: this shell may not change settings (open the web UI with its token, or use the app).
        </p>
      ) : null}
      {number(
        'trayIntervalMs',
        'Menu-bar sampling interval (ms)',
        INTERVAL_BOUNDS_MS.min,
        INTERVAL_BOUNDS_MS.max,
        250,
      )}
      {number(
        'windowIntervalMs',
        'Window sampling interval (ms)',
        INTERVAL_BOUNDS_MS.min,
        INTERVAL_BOUNDS_MS.max,
        250,
      )}
      {number(
        'batteryIntervalFactor',
        'Slow down on battery by',
        BATTERY_FACTOR_BOUNDS.min,
        BATTERY_FACTOR_BOUNDS.max,
      )}
      <div className="field">
        <label htmlFor="set-historyDays">History to keep</label>
        <select
          id="set-historyDays"
          value={draft.historyDays}
          disabled={readOnly}
          onChange={(e) => set('historyDays', Number(e.target.value))}
        >
          {[...new Set([...HISTORY_DAYS_CHOICES, draft.historyDays])]
            .sort((a, b) => a - b)
            .map((days) => (
              <option key={days} value={days}>
                {historyLengthLabel(days)}
              </option>
            ))}
        </select>
      </div>
      <fieldset>
        <legend>Temperature unit</legend>
        {(['C', 'F'] as const).map((u) => (
          <label key={u} className="inline">
            <input
              type="radio"
              name="temperatureUnit"
              value={u}
              checked={draft.temperatureUnit === u}
              disabled={readOnly}
              onChange={() => set('temperatureUnit', u)}
            />
            °{u}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Menu-bar glance</legend>
        {GLANCE_ITEMS.map((item: GlanceItem) => (
          <label key={item} className="inline">
            <input
              type="checkbox"
              checked={draft.glanceItems.includes(item)}
              disabled={readOnly}
              onChange={(e) =>
                set(
                  'glanceItems',
                  e.target.checked
                    ? [...draft.glanceItems, item]
                    : draft.glanceItems.filter((g) => g !== item),
                )
              }
            />
            {item}
          </label>
        ))}
      </fieldset>
      {draft.alerts.length > 0 ? (
        <fieldset>
          <legend>Notifications</legend>
          {draft.alerts.map((rule) => (
            <label key={rule.id} className="inline">
              <input
                type="checkbox"
                checked={draft.notifications[rule.id] ?? false}
                disabled={readOnly}
                onChange={(e) =>
                  set('notifications', { ...draft.notifications, [rule.id]: e.target.checked })
                }
              />
              {rule.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.launchAtLogin}
          disabled={readOnly}
          onChange={(e) => set('launchAtLogin', e.target.checked)}
        />
        Launch at login
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.autoUpdate}
          disabled={readOnly}
          onChange={(e) => set('autoUpdate', e.target.checked)}
        />
        Check for updates automatically
      </label>
      <div className="form-actions">
        <button type="submit" disabled={readOnly}>
          Save settings
        </button>
        <p className="fine" role="status">
          {serverError ?? message}
        </p>
      </div>
    </form>
  );
}

export function SettingsView() {
  const settings = useApp((s) => s.settings);
  const canChange = useApp((s) => s.capabilities?.canChangeSettings ?? false);
  return (
    <div className="settings">
      <header className="dash-head">
        <h1>Settings</h1>
        <a href="#/popover">Popover</a>
        <a href="#/dashboard">Dashboard</a>
      </header>
      {settings ? (
        <SettingsForm key={JSON.stringify(settings)} settings={settings} readOnly={!canChange} />
      ) : (
        <p className="unavailable">Loading settings…</p>
      )}
    </div>
  );
}
