/**
 * Starts the updater in a packaged app. electron-updater is imported only there: it reads the
 * app-update.yml that electron-builder writes into a packaged app, and does nothing useful in a
 * development tree (`npm start`, the e2e tests, main-wiring.test.ts).
 */
import type { Updater, UpdateState, Updates } from './updates';
import { setupUpdates } from './updates';

export interface UpdatesSetupDeps {
  readonly isPackaged: boolean;
  readonly enabled: boolean;
  readonly notify: (title: string, body: string) => void;
  readonly tellUpToDate: () => void;
  readonly onState: (state: UpdateState) => void;
  /** Loads the updater (electron-updater's autoUpdater in the app; a fake in tests). */
  readonly load?: () => Promise<Updater>;
}

async function electronUpdater(): Promise<Updater> {
  // electron-updater is CommonJS; its documented ESM use goes through the default export.
  const { default: updater } = await import('electron-updater');
  return updater.autoUpdater;
}

export async function startUpdates(deps: UpdatesSetupDeps): Promise<Updates | undefined> {
  if (!deps.isPackaged) return undefined;
  const updater = await (deps.load ?? electronUpdater)();
  return setupUpdates({
    updater,
    enabled: deps.enabled,
    every: (ms, task) => {
      const timer = setInterval(task, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
    onState: deps.onState,
    onFailure: deps.notify,
    onUpToDate: deps.tellUpToDate,
  });
}
