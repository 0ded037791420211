/**
 * Settings for people: labelled choices instead of ids and milliseconds, each change applied at
 * once (the main process or the server applies it without a restart), and a bad value explained
 * next to its field (field-checks.ts) before anything is sent.
 */
import { useState } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/ipc';
import { HISTORY_DAYS_CHOICES } from '../../../shared/settings';
import { useApp } from '../../store/use-app';
import { AlertRuleField } from './alert-rule-field';
import { checkBatteryFactor, checkHistoryDays } from './field-checks';
import { GlanceItemsField } from './glance-items-field';
import { IntervalField, secondsText } from './interval-field';

/** On battery, sampling slows down by one of these factors (1 = as on power). */
const BATTERY_FACTORS: readonly number[] = [1, 2, 3, 5, 10];
/** The history lengths offered (shared/settings), plus a stored length that is not among them. */
function dayChoices(current: number): number[] {
  return [...new Set([...HISTORY_DAYS_CHOICES, current])].sort((a, b) => a - b);
}

function daysLabel(d: number): string {
  if (d % 365 === 0) return d === 365 ? '1 year' : `${d / 365} years`;
  return d === 1 ? '1 day' : `${d} days`;
}

/** The other side's refusal without the channel and field ids it starts with. */
function friendly(message: string): string {
  const text = message.replace(/^settings:set: /, '').replace(/^settings\.\w+: /, '');
  return `Not applied: ${text}`;
}

function SettingsForm({ saved, readOnly }: { readonly saved: Settings; readonly readOnly: boolean }) {
  const save = useApp((s) => s.saveSettings);
  const serverError = useApp((s) => s.settingsError);
  // A control shows its new value at once; the saved settings take over when the reply comes
  // (the old value comes back, with the reason below, if the other side refused it).
  const [pending, setPending] = useState<SettingsPatch>({});
  const settings = { ...saved, ...pending } as Settings;
  const apply = (patch: SettingsPatch): void => {
    setPending((p) => ({ ...p, ...patch }));
    void save(patch).finally(() =>
      setPending((p) => {
        const rest: Record<string, unknown> = { ...p };
        for (const key of Object.keys(patch)) delete rest[key];
        return rest as SettingsPatch;
      }),
    );
  };
  const factors = BATTERY_FACTORS.includes(settings.batteryIntervalFactor)
    ? BATTERY_FACTORS
    : [...BATTERY_FACTORS, settings.batteryIntervalFactor].sort((a, b) => a - b);

  return (
    <div className="card settings-form" aria-describedby={readOnly ? 'settings-ro' : undefined}>
      {readOnly ? (
        <p id="settings-ro" className="banner tone-warning">
          Read-only: this page may not change settings (open the web UI with its token, or use the app).
        </p>
      ) : null}
      <fieldset>
        <legend>Sampling</legend>
        <IntervalField
          field="trayIntervalMs"
          label="Update the menu bar every"
          hint="While every window is closed: shorter is livelier, longer saves energy."
          valueMs={settings.trayIntervalMs}
          disabled={readOnly}
          onApply={(ms) => apply({ trayIntervalMs: ms })}
        />
        <IntervalField
          field="windowIntervalMs"
          label="Update open windows every"
          hint="While the popover or the dashboard is open."
          valueMs={settings.windowIntervalMs}
          disabled={readOnly}
          onApply={(ms) => apply({ windowIntervalMs: ms })}
        />
        <div className="field">
          <label htmlFor="set-battery">On battery, sample every</label>
          <select
            id="set-battery"
            value={settings.batteryIntervalFactor}
            disabled={readOnly}
            onChange={(e) => {
              const checked = checkBatteryFactor(Number(e.target.value));
              if (checked.ok) apply({ batteryIntervalFactor: checked.value });
            }}
          >
            {factors.map((f) => (
              <option key={f} value={f}>
                {secondsText(settings.trayIntervalMs * f)}
                {f === 1 ? ' (as on power)' : ` (${f}× slower)`}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <GlanceItemsField
        settings={settings}
        disabled={readOnly}
        onApply={(items) => apply({ glanceItems: items })}
      />
      <fieldset>
        <legend>Units</legend>
        {(['C', 'F'] as const).map((u) => (
          <label key={u} className="inline">
            <input
              type="radio"
              name="temperatureUnit"
              value={u}
              checked={settings.temperatureUnit === u}
              disabled={readOnly}
              onChange={() => apply({ temperatureUnit: u })}
            />
            {u === 'C' ? 'Celsius (°C)' : 'Fahrenheit (°F)'}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>History</legend>
        <div className="field">
          <label htmlFor="set-history">Keep history for</label>
          <select
            id="set-history"
            value={settings.historyDays}
            disabled={readOnly}
            onChange={(e) => {
              const checked = checkHistoryDays(Number(e.target.value));
              if (checked.ok) apply({ historyDays: checked.value });
            }}
          >
            {dayChoices(settings.historyDays).map((d) => (
              <option key={d} value={d}>
                {daysLabel(d)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {settings.alerts.length > 0 ? (
        <fieldset>
          <legend>Alerts</legend>
          <ul className="alert-rules">
            {settings.alerts.map((rule, i) => (
              <AlertRuleField
                key={rule.id}
                rule={rule}
                notify={settings.notifications[rule.id] ?? false}
                unit={settings.temperatureUnit}
                disabled={readOnly}
                onRule={(next) => apply({ alerts: settings.alerts.map((r, j) => (j === i ? next : r)) })}
                onNotify={(on) => apply({ notifications: { ...settings.notifications, [rule.id]: on } })}
              />
            ))}
          </ul>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Startup</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={settings.launchAtLogin}
            disabled={readOnly}
            onChange={(e) => apply({ launchAtLogin: e.target.checked })}
          />
          Open darwinmetrics when I log in
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={settings.autoUpdate}
            disabled={readOnly}
            onChange={(e) => apply({ autoUpdate: e.target.checked })}
          />
          Keep darwinmetrics up to date (checks at start and daily, installs when you quit)
        </label>
      </fieldset>
      <p className={serverError ? 'tone-critical' : 'fine'} role="status" aria-label="Settings status">
        {serverError ? friendly(serverError) : 'Changes apply at once.'}
      </p>
    </div>
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
        <SettingsForm saved={settings} readOnly={!canChange} />
      ) : (
        <p className="unavailable">Loading settings…</p>
      )}
    </div>
  );
}
