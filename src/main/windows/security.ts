/**
 * Hardening for every WebContents and the session (Electron security checklist,
 * https://www.electronjs.org/docs/latest/tutorial/security): navigation away from our pages and new
 * windows are denied, permission requests and checks are denied, <webview> cannot attach, and only
 * allow-listed https links leave the app, through the system browser.
 */
import { isAppUrl } from './app-protocol';

/** Hosts a link may open in the browser: the project's home. Exact host match, https only. */
export const EXTERNAL_HOSTS: readonly string[] = ['github.com'];

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    u.port === '' &&
    hosts.includes(u.hostname)
  );
}

/** The webPreferences every window gets; tests assert them and electronegativity checks them. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click would otherwise ask for a new window (denied anyway by setWindowOpenHandler).
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of WebContents this touches. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type OpenExternal = (url: string) => void;

export function hardenWebContents(contents: HardenableContents, openExternal: OpenExternal): void {
  const leave = (event: PreventableEvent, url: string): void => {
    // Our pages route with the URL hash, which is not a navigation; anything else is refused.
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', leave);
  contents.on('will-redirect', leave);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The parts of Session this touches. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/**
 * A system monitor needs no camera, microphone, geolocation, notifications-from-the-page, HID...:
 * the main process shows notifications itself. Everything is denied.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Wires the hardening into the app: every WebContents as it is created, and the default session. */
export function setupSecurity(
  app: {
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: HardenableContents) => void,
    ): unknown;
  },
  session: HardenableSession,
  openExternal: OpenExternal,
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  hardenSession(session);
}

/**
 * The one place windows are made: whatever options the caller passed, the security flags are forced
 * here (and stay visible to electronegativity's static checks).
 */
export function createSecureWindow<W, O extends { webPreferences?: object }>(
  BrowserWindow: new (options: O) => W,
  options: O,
): W {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Files are dropped on the dashboard to open them as recordings (src/main/replay); one dropped
      // anywhere else must never turn the window into a file:// page.
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
