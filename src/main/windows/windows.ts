/**
 * The app's windows: the popover (created hidden at start so it opens instantly), the dashboard
 * (normal, resizable, remembers its bounds) and the settings window. Each window's visibility feeds
 * demand-driven sampling, and each gets pushes through a window channel that holds messages until
 * its page has loaded. Samples go only to visible windows that asked for sections.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { PushChannel, PushChannels } from '../../shared/ipc';
import { appPageUrl } from './app-protocol';
import type { SendPush } from '../ipc';
import { createPopover } from './popover';
import type { Popover, ScreenLike } from './popover';
import type { DisplayArea } from './popover-position';
import type { SamplingController } from '../engine';
import { secureWebPreferences } from './security';
import { createWindowChannel } from './window-channel';
import type { WindowChannel } from './window-channel';
import { fitBounds, loadWindowState, MIN_SIZE, saveWindowState } from './window-state';

export type View = 'popover' | 'dashboard' | 'settings';

export interface WindowsDeps {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly screen: ScreenLike & { getPrimaryDisplay(): DisplayArea };
  readonly preload: string;
  readonly userData: string;
  readonly sampling: SamplingController;
  readonly send: SendPush;
  /** Brings the app forward (a menu-bar app is not active when its window opens). */
  readonly focusApp: () => void;
  /** nativeTheme.shouldUseDarkColors. */
  readonly dark: () => boolean;
  readonly now: () => number;
  readonly onError: (what: string, error: unknown) => void;
}

export interface Windows {
  togglePopover(trayBounds: Rectangle | null): void;
  openDashboard(): Promise<void>;
  openSettings(): void;
  /** Sends to every window, loaded or loading (settings, alerts). */
  broadcast<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  /** Sends a sample to the visible windows that asked for sections. */
  pushSample(sample: PushChannels['metrics:sample']): void;
  /** The window of a WebContents (parent for dialogs). */
  byContentsId(id: number): BrowserWindow | undefined;
  /** Any visible window (parent for dialogs started from the tray), else undefined. */
  focused(): BrowserWindow | undefined;
}

/** Popover size: one column of gauges and sparklines, the size of macOS Control Center's panel. */
const POPOVER = { width: 360, height: 520 } as const;
const SETTINGS = { width: 560, height: 680 } as const;
/** Save window bounds this long after the last move or resize, not on every pixel. */
const SAVE_DELAY_MS = 500;

/** What every app window starts with: hidden until loaded, the page's colour, the secure preferences. */
export function baseWindowOptions(preload: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    show: false,
    // The page's own --bg (src/renderer/styles.css), so a window never flashes another colour.
    backgroundColor: dark ? '#15171c' : '#f4f5f7',
    webPreferences: secureWebPreferences(preload),
  };
}

export function createWindows(deps: WindowsDeps): Windows {
  const channels = new Map<number, { win: BrowserWindow; channel: WindowChannel }>();

  function track(win: BrowserWindow, url: string): BrowserWindow {
    const contents = win.webContents;
    const id = contents.id;
    const channel = createWindowChannel(contents, (_c, ch, payload) => deps.send(contents, ch, payload));
    channels.set(id, { win, channel });
    const visible = (v: boolean) => () => deps.sampling.setWindowVisible(id, v);
    win.on('show', visible(true));
    win.on('restore', visible(true));
    win.on('hide', visible(false));
    win.on('minimize', visible(false));
    win.on('closed', () => {
      channels.delete(id);
      deps.sampling.removeWindow(id);
    });
    contents.on('render-process-gone', (_e, details) => deps.onError(`renderer ${url}`, details.reason));
    win.loadURL(url).catch((error: unknown) => deps.onError(`load ${url}`, error));
    return win;
  }

  const base = (): BrowserWindowConstructorOptions => baseWindowOptions(deps.preload, deps.dark());

  const popoverWindow = track(
    deps.createWindow({
      ...base(),
      ...POPOVER,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      hasShadow: true,
    }),
    appPageUrl('popover'),
  );
  // Open over full-screen apps and on whichever Space is active, as menu-bar panels do.
  popoverWindow.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  const popover: Popover = createPopover(popoverWindow, deps.screen, deps.now);

  let dashboard: BrowserWindow | undefined;
  let settingsWin: BrowserWindow | undefined;

  async function openDashboard(): Promise<void> {
    popover.hide();
    if (dashboard && !dashboard.isDestroyed()) {
      if (dashboard.isMinimized()) dashboard.restore();
      dashboard.show();
      dashboard.focus();
      deps.focusApp();
      return;
    }
    const saved = await loadWindowState(deps.userData);
    const bounds = fitBounds(saved?.bounds, deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay());
    const win = track(
      deps.createWindow({
        ...base(),
        ...bounds,
        minWidth: MIN_SIZE.width,
        minHeight: MIN_SIZE.height,
        title: 'darwinmetrics',
      }),
      appPageUrl('dashboard'),
    );
    dashboard = win;
    if (saved?.maximized) win.maximize();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = (): void => {
      if (win.isDestroyed()) return;
      const state = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
      saveWindowState(deps.userData, state).catch((e: unknown) => deps.onError('save window state', e));
    };
    const later = (): void => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    win.on('resize', later);
    win.on('move', later);
    win.on('close', () => {
      clearTimeout(timer);
      save();
    });
    win.on('closed', () => {
      if (dashboard === win) dashboard = undefined;
    });
    win.once('ready-to-show', () => {
      win.show();
      deps.focusApp();
    });
  }

  function openSettings(): void {
    popover.hide();
    if (settingsWin && !settingsWin.isDestroyed()) {
      settingsWin.show();
      settingsWin.focus();
      deps.focusApp();
      return;
    }
    const win = track(
      deps.createWindow({ ...base(), ...SETTINGS, resizable: true, title: 'darwinmetrics Settings' }),
      appPageUrl('settings'),
    );
    settingsWin = win;
    win.on('closed', () => {
      if (settingsWin === win) settingsWin = undefined;
    });
    win.once('ready-to-show', () => {
      win.show();
      deps.focusApp();
    });
  }

  return {
    togglePopover: (bounds) => popover.toggle(bounds),
    openDashboard,
    openSettings,
    broadcast(channel, payload) {
      for (const { channel: ch } of channels.values()) ch.push(channel, payload);
    },
    pushSample(sample) {
      for (const id of deps.sampling.visibleWindows())
        channels.get(id)?.channel.push('metrics:sample', sample);
    },
    byContentsId: (id) => channels.get(id)?.win,
    focused() {
      for (const { win } of channels.values()) if (!win.isDestroyed() && win.isVisible()) return win;
      return undefined;
    },
  };
}
