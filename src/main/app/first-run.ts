/**
 * The start-up checks a packaged app makes, wired to Electron's app, dialog and screen: the offer
 * to move into /Applications (move-to-applications.ts) and the hidden-tray warning
 * (tray-visibility.ts). The decisions live in those modules and are tested there with fakes.
 */
import type { App, Dialog, Rectangle, Screen } from 'electron';
import { offerMoveToApplications } from './move-to-applications';
import { watchTrayVisibility } from '../tray';

type Log = (what: string, error: unknown) => void;

/** Resolves true when the app is moving to /Applications (Electron relaunches it from there). */
export function offerMove(app: App, dialog: Dialog, onError: Log): Promise<boolean> {
  return offerMoveToApplications({
    platform: process.platform,
    isPackaged: app.isPackaged,
    isInApplicationsFolder: () => app.isInApplicationsFolder(),
    moveToApplicationsFolder: () => app.moveToApplicationsFolder(),
    ask: async (message, detail) =>
      (
        await dialog.showMessageBox({
          type: 'question',
          message,
          detail,
          buttons: ['Move to Applications', 'Not Now'],
          defaultId: 0,
          cancelId: 1,
        })
      ).response === 0,
    onError,
  });
}

export function warnWhenTrayHidden(
  tray: { bounds(): Rectangle },
  screen: Pick<Screen, 'getAllDisplays'>,
  dialog: Dialog,
  openDashboard: () => void,
  onError: Log,
): void {
  watchTrayVisibility({
    platform: process.platform,
    trayBounds: () => tray.bounds(),
    displays: () => screen.getAllDisplays(),
    after: (ms, run) => void setTimeout(run, ms),
    explain: async ({ message, detail }) =>
      (await dialog.showMessageBox({ type: 'info', message, detail, buttons: ['Open Dashboard', 'OK'] }))
        .response === 0,
    openDashboard,
    onError,
  });
}
