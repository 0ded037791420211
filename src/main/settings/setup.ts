/**
 * Settings at start-up: load the file from userData (a corrupt one is kept as .bak and the user is
 * told), and the controller every later change goes through. Also what each setting means for the
 * sampling controller and the other parts, in one place.
 */
import { createAlertEngine } from '../../core/alerts';
import type { Settings } from '../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { glanceSections } from '../tray';
import { alertSections } from '../engine';
import type { SamplingConfig } from '../engine';
import { createSettingsController } from './controller';
import type { SettingsController } from './controller';
import { createSettingsStore } from './store';
import type { Tell } from '../tray';

export async function setupSettings(userData: string, tell: Tell): Promise<SettingsController> {
  const store = createSettingsStore(userData, DEFAULT_SETTINGS);
  const { settings, problem } = await store.load();
  if (problem) {
    const kept = problem.backupPath ? `\nThe old file was kept as ${problem.backupPath}.` : '';
    tell({
      type: 'warning',
      message: 'darwinmetrics reset its settings',
      detail: `${problem.message}.${kept}\nDefault settings are in use.`,
    });
  }
  return createSettingsController({
    initial: settings,
    save: (s) => store.save(s),
    // The shared schema cannot know the engine's metric names; the engine refuses unknown ones.
    check: (next) => void createAlertEngine(next.alerts),
  });
}

/** What the sampling controller needs from the settings. */
export function samplingConfigOf(s: Settings): SamplingConfig {
  return {
    traySections: glanceSections(s.glanceItems),
    alertSections: alertSections(s.alerts),
    trayIntervalMs: s.trayIntervalMs,
    windowIntervalMs: s.windowIntervalMs,
    batteryIntervalFactor: s.batteryIntervalFactor,
  };
}
