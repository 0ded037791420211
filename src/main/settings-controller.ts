/**
 * The app's current settings: every change is validated, saved (atomically, settings-store.ts),
 * then applied and announced, in that order, one change at a time. A change that cannot be saved
 * is not applied, so what the app does always matches what is on disk.
 */
import type { Settings, SettingsPatch } from '../shared/ipc';
import { mergeSettings, validateSettingsPatch } from '../shared/settings';

export interface SettingsControllerDeps {
  readonly initial: Settings;
  readonly save: (settings: Settings) => Promise<void>;
  /** Checks what the shared schema cannot (e.g. an alert metric the engine does not know); throws. */
  readonly check?: (next: Settings) => void;
  /** Side effects of a change (sampling intervals, login item, alert engine); after a successful save. */
  readonly apply: (next: Settings, prev: Settings) => void;
  /** Tells every window (settings:changed). */
  readonly announce: (settings: Settings) => void;
}

export interface SettingsController {
  current(): Settings;
  /** Resolves with the new settings; rejects (naming the field) and changes nothing on bad input or a failed save. */
  update(patch: unknown): Promise<Settings>;
}

export function createSettingsController(deps: SettingsControllerDeps): SettingsController {
  let current = deps.initial;
  let queue: Promise<unknown> = Promise.resolve();

  async function run(patch: unknown): Promise<Settings> {
    const valid: SettingsPatch = validateSettingsPatch(patch);
    const next = mergeSettings(current, valid);
    deps.check?.(next);
    await deps.save(next);
    const prev = current;
    current = next;
    deps.apply(next, prev);
    deps.announce(next);
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
  };
}
