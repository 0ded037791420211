/**
 * Automatic updates from GitHub releases through electron-updater
 * (https://www.electron.build/auto-update): a check at start and once a day, the download in the
 * background, the install when the app quits. The user can turn it off in Settings (autoUpdate)
 * and check by hand from the tray menu; a failed check or download says so in one notification
 * that names the reason. The updater is a parameter, so Node tests drive this with a fake.
 */

/** The part of electron-updater's AppUpdater this module uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type UpdateState =
  | { readonly kind: 'off' }
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'downloading'; readonly version: string }
  | { readonly kind: 'ready'; readonly version: string }
  | { readonly kind: 'failed'; readonly reason: string };

export interface UpdateDeps {
  readonly updater: Updater;
  /** The autoUpdate setting at start. */
  readonly enabled: boolean;
  /** Runs `task` every `ms`; returns the function that stops it (setInterval in the app). */
  readonly every: (ms: number, task: () => void) => () => void;
  /** Every state change (the tray menu shows it). */
  readonly onState: (state: UpdateState) => void;
  /** A check or download failed: the one message the user sees. */
  readonly onFailure: (title: string, body: string) => void;
  /** The answer to a check the user asked for from the menu when nothing is new. */
  readonly onUpToDate: () => void;
}

export interface Updates {
  state(): UpdateState;
  setEnabled(on: boolean): void;
  /** A check the user asked for: runs even with automatic updates off. */
  checkNow(): Promise<void>;
  /** Quits and installs a downloaded update now, instead of at the next quit. */
  installNow(): void;
  dispose(): void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Error codes Chromium's network stack and Node give when the machine is offline or the host is unreachable. */
const OFFLINE =
  /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_|ERR_TIMED_OUT|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/;

/** A short, plain reason for an electron-updater error (its messages run to many lines). */
export function describeUpdateError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (OFFLINE.test(text)) return 'GitHub could not be reached (no internet connection?).';
  if (/\b404\b/.test(text)) return 'the release or its update files were not found on GitHub.';
  if (/code signature|signature.*(not|in)valid|not signed/i.test(text)) {
    return 'the downloaded update did not pass the signature check, so it was not installed.';
  }
  if (/read-only volume/i.test(text)) {
    return 'the app is running from the disk image or Downloads; move it to Applications to update.';
  }
  if (/sha512 checksum mismatch/i.test(text))
    return 'the download was damaged (checksum mismatch); it will be fetched again.';
  const first = text.split('\n')[0]!.trim();
  return first.length > 200 ? `${first.slice(0, 197)}...` : first || 'an unknown error.';
}

export function setupUpdates(deps: UpdateDeps): Updates {
  const { updater } = deps;
  let enabled = deps.enabled;
  let state: UpdateState = enabled ? { kind: 'idle' } : { kind: 'off' };
  let stopTimer: (() => void) | undefined;
  let manual = false;
  let reported = false;

  const current = (): UpdateState => state;
  const set = (next: UpdateState): void => {
    state = next;
    deps.onState(next);
  };
  const fail = (error: unknown): void => {
    // electron-updater both emits 'error' and rejects checkForUpdates for one failure: say it once.
    if (reported) return;
    reported = true;
    const reason = describeUpdateError(error);
    set({ kind: 'failed', reason });
    const retry = enabled ? 'It will try again tomorrow. ' : '';
    deps.onFailure(
      'DarwinMetrics could not update',
      `Reason: ${reason}\n${retry}Updates can be turned off in Settings.`,
    );
  };

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = enabled;
  updater.on('update-available', (info) => set({ kind: 'downloading', version: info.version }));
  updater.on('update-downloaded', (info) => set({ kind: 'ready', version: info.version }));
  updater.on('update-not-available', () => {
    set(enabled ? { kind: 'idle' } : { kind: 'off' });
    if (manual) deps.onUpToDate();
  });
  updater.on('error', fail);

  const check = async (byUser: boolean): Promise<void> => {
    if (state.kind === 'checking' || state.kind === 'downloading') return;
    if (state.kind === 'ready') return; // already downloaded: it installs on quit
    manual = byUser;
    reported = false;
    set({ kind: 'checking' });
    try {
      await updater.checkForUpdates();
      // The events above moved the state on unless nothing was emitted (e.g. an unpacked app).
      if (current().kind === 'checking') set(enabled ? { kind: 'idle' } : { kind: 'off' });
    } catch (error) {
      fail(error);
    }
  };

  const schedule = (): void => {
    stopTimer?.();
    stopTimer = enabled ? deps.every(DAY_MS, () => void check(false)) : undefined;
  };

  schedule();
  if (enabled) void check(false);

  return {
    state: () => state,
    setEnabled(on) {
      if (on === enabled) return;
      enabled = on;
      // A download that is already waiting is installed only while updates are on.
      updater.autoInstallOnAppQuit = on;
      schedule();
      if (on) void check(false);
      else if (state.kind === 'idle' || state.kind === 'failed') set({ kind: 'off' });
    },
    checkNow: () => check(true),
    installNow() {
      if (state.kind === 'ready') updater.quitAndInstall();
    },
    dispose() {
      stopTimer?.();
      stopTimer = undefined;
    },
  };
}

/** The tray menu's line for the update state, or undefined when there is nothing to say. */
export function updateMenuItem(state: UpdateState): {
  readonly label: string;
  readonly action: 'check' | 'install' | 'none';
} {
  switch (state.kind) {
    case 'checking':
      return { label: 'Checking for Updates…', action: 'none' };
    case 'downloading':
      return { label: `Downloading Version ${state.version}…`, action: 'none' };
    case 'ready':
      return { label: `Restart to Update to ${state.version}`, action: 'install' };
    case 'failed':
      return { label: 'Update Failed — Try Again', action: 'check' };
    default:
      return { label: 'Check for Updates…', action: 'check' };
  }
}
