/**
 * What a saved settings change does to the running app: sampling sections and intervals, the alert
 * engine, the history's length, the login item, the update check, the tray title and menu. Each part changes only
 * when its settings did.
 */
import type { AlertRule } from '../../shared/alert-types';
import type { Settings } from '../../shared/ipc';
import type { SamplingController } from '../engine';
import type { SettingsListener } from './controller';
import { samplingConfigOf } from './setup';

export interface ApplyDeps {
  readonly sampling: Pick<SamplingController, 'configure'>;
  readonly setRules: (rules: readonly AlertRule[]) => void;
  readonly setHistoryDays: (days: number) => Promise<void>;
  readonly setLaunchAtLogin: (on: boolean) => Promise<void>;
  /** Starts or stops the daily update check (updates.ts). */
  readonly setAutoUpdate: (on: boolean) => void;
  /** Redraws the tray title and menu for the new settings. */
  readonly refreshTray: (settings: Settings) => void;
  readonly onError: (what: string, error: unknown) => void;
}

export function applySettings(deps: ApplyDeps): SettingsListener {
  return (next, prev) => {
    deps.sampling.configure(samplingConfigOf(next));
    if (next.alerts !== prev.alerts) deps.setRules(next.alerts);
    if (next.historyDays !== prev.historyDays) {
      deps.setHistoryDays(next.historyDays).catch((e: unknown) => deps.onError('history length', e));
    }
    if (next.launchAtLogin !== prev.launchAtLogin) {
      deps.setLaunchAtLogin(next.launchAtLogin).catch((e: unknown) => deps.onError('launch at login', e));
    }
    if (next.autoUpdate !== prev.autoUpdate) deps.setAutoUpdate(next.autoUpdate);
    deps.refreshTray(next);
  };
}
