/**
 * First run from the disk image (or from Downloads, where Gatekeeper runs the app from a read-only,
 * randomised copy: "App Translocation") leaves an app that cannot update itself and whose login
 * item points at a path that will be gone. Mac users know the fix from other apps: offer to move
 * it to /Applications, which Electron does and relaunches (app.moveToApplicationsFolder).
 */
export interface MoveDeps {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  /** Electron's app.isInApplicationsFolder (macOS). */
  readonly isInApplicationsFolder: () => boolean;
  /** Electron's app.moveToApplicationsFolder: true when moved (the app then relaunches). */
  readonly moveToApplicationsFolder: () => boolean;
  /** Asks; resolves true for "Move to Applications". */
  readonly ask: (message: string, detail: string) => Promise<boolean>;
  readonly onError: (what: string, error: unknown) => void;
}

export const MOVE_MESSAGE = 'Move DarwinMetrics to the Applications folder?';
export const MOVE_DETAIL =
  'DarwinMetrics is running from the disk image or the Downloads folder. From there it cannot ' +
  'install updates, and “Launch at Login” would not find it next time. Moving it takes a moment; ' +
  'the app restarts from Applications.';

/** Resolves true when the app is moving (and will relaunch), so start-up can stop. */
export async function offerMoveToApplications(deps: MoveDeps): Promise<boolean> {
  if (deps.platform !== 'darwin' || !deps.isPackaged || deps.isInApplicationsFolder()) return false;
  if (!(await deps.ask(MOVE_MESSAGE, MOVE_DETAIL))) return false;
  try {
    return deps.moveToApplicationsFolder();
  } catch (error) {
    // E.g. a copy already in /Applications that is running, or no permission: keep running from here.
    deps.onError('move to Applications', error);
    return false;
  }
}
