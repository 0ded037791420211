/**
 * The app's current settings: every change is validated, saved (atomically, store.ts),
 * then handed to the change listeners (apply, then announce), one change at a time. A change that
 * cannot be saved is not applied, so what the app does always matches what is on disk.
 */
import type { Settings, SettingsPatch } from '../../shared/ipc';
import { mergeSettings, validateSettingsPatch } from '../../shared/settings';

export interface SettingsControllerDeps {
  readonly initial: Settings;
  readonly save: (settings: Settings) => Promise<void>;
  /** Checks what the shared schema cannot (e.g. an alert metric the engine does not know); throws. */
  readonly check?: (next: Settings) => void;
}

export type SettingsListener = (next: Settings, prev: Settings) => void;

export interface SettingsController {
  current(): Settings;
  /** Resolves with the new settings; rejects (naming the field) and changes nothing on bad input or a failed save. */
  update(patch: unknown): Promise<Settings>;
  /** Runs after every saved change, in the order added (a throwing listener does not stop the rest). */
  onChange(listener: SettingsListener, onError?: (error: unknown) => void): void;
}

export function createSettingsController(deps: SettingsControllerDeps): SettingsController {
  let current = deps.initial;
  let queue: Promise<unknown> = Promise.resolve();
  const listeners: { fn: SettingsListener; onError: (error: unknown) => void }[] = [];

  async function run(patch: unknown): Promise<Settings> {
    const valid: SettingsPatch = validateSettingsPatch(patch);
    const next = mergeSettings(current, valid);
    deps.check?.(next);
    await deps.save(next);
    const prev = current;
    current = next;
    for (const l of listeners) {
      try {
        l.fn(next, prev);
      } catch (error) {
        l.onError(error);
      }
    }
    return next;
  }

  return {
    current: () => current,
    update(patch) {
      // Each change merges onto the result of the one before it.
      const result = queue.then(() => run(patch));
      queue = result.catch(() => undefined);
      return result;
    },
    onChange(fn, onError = (error) => console.error('settings listener:', error)) {
      listeners.push({ fn, onError });
    },
  };
}
