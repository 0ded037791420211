import { describe, expect, it } from 'vitest';
import {
  createSecureWindow,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  secureWebPreferences,
} from '../../../src/main/windows/security';
import type { HardenableContents } from '../../../src/main/windows/security';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents: HardenableContents = {
    on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
      listeners.set(event, listener),
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  } as HardenableContents;
  const fire = (event: string, url = '') => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it('blocks navigation away from our pages and opens only allow-listed links outside', () => {
    const f = fakeContents();
    const opened: string[] = [];
    hardenWebContents(f.contents, (u) => opened.push(u));
    expect(f.fire('will-navigate', 'app://darwinmetrics/index.html#/dashboard')).toBe(false);
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-navigate', 'https://github.com/x/y')).toBe(true);
    expect(f.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(f.fire('will-attach-webview')).toBe(true);
    expect(opened).toEqual(['https://github.com/x/y']);
  });

  it('denies every window.open, forwarding allow-listed links to the browser', () => {
    const f = fakeContents();
    const opened: string[] = [];
    hardenWebContents(f.contents, (u) => opened.push(u));
    expect(f.open('https://github.com/releases')).toEqual({ action: 'deny' });
    expect(f.open('app://darwinmetrics/index.html')).toEqual({ action: 'deny' });
    expect(f.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/releases']);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://github.com/owner/repo', true],
    ['http://github.com/owner/repo', false],
    ['https://github.com.evil.example/', false],
    ['https://user@github.com/', false],
    ['https://github.com:8443/', false],
    ['file:///Applications/Calculator.app', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('session and preferences', () => {
  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h) => {
        h(null, 'media', (g) => answers.push(g));
        h(null, 'notifications', (g) => answers.push(g));
      },
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    expect(answers).toEqual([false, false]);
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });

  it('isolates and sandboxes every page', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('createSecureWindow', () => {
  it('forces isolation and the sandbox whatever the caller asked for', () => {
    class FakeWindow {
      constructor(readonly options: { webPreferences?: object; width?: number }) {}
    }
    const w = createSecureWindow(FakeWindow, {
      width: 10,
      webPreferences: {
        preload: '/p.cjs',
        nodeIntegration: true,
        contextIsolation: false,
        sandbox: false,
        navigateOnDragDrop: true,
      },
    });
    expect(w.options).toEqual({
      width: 10,
      webPreferences: {
        preload: '/p.cjs',
        nodeIntegration: false,
        contextIsolation: true,
        sandbox: true,
        webSecurity: true,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
  });
});
