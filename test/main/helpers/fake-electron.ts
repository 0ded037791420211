/**
 * A stand-in for the 'electron' module, just wide enough for src/main/main.ts to start in Node
 * (test/main/main-wiring.test.ts): windows, tray, menus and dialogs record what they are asked;
 * IPC handlers are kept so the test can call them the way a renderer would. Electron's binary
 * cannot be installed here; this checks the wiring, not Electron.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const state = {
  userData: mkdtempSync(join(tmpdir(), 'dm-fake-electron-')),
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  windows: [] as FakeWindow[],
  trays: [] as FakeTray[],
  sent: [] as { id: number; channel: string; payload: unknown }[],
  notifications: [] as { title: string; body: string }[],
  messageBoxes: [] as unknown[],
  errorBoxes: [] as string[],
  protocolHandlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
  exited: undefined as number | undefined,
  saveDialogPath: undefined as string | undefined,
  /** What the open dialog answers (undefined: cancelled), and the options it was shown with. */
  openDialogPaths: undefined as string[] | undefined,
  openDialogs: [] as unknown[],
  appMenu: undefined as unknown,
};

let nextId = 1;

class FakeContents extends EventEmitter {
  readonly id = nextId++;
  private loading = true;
  destroyed = false;
  url = '';
  isLoading = () => this.loading;
  isDestroyed = () => this.destroyed;
  send = (channel: string, payload: unknown) => void state.sent.push({ id: this.id, channel, payload });
  setWindowOpenHandler = () => undefined;
  getURL = () => this.url;
  finishLoad(url: string): void {
    this.url = url;
    this.loading = false;
    this.emit('did-finish-load');
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  private visible = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
  }
  loadURL = async (url: string) => {
    // Like Electron, the page loads after loadURL returns.
    await new Promise((r) => setImmediate(r));
    this.webContents.finishLoad(url);
    this.emit('ready-to-show');
  };
  isVisible = () => this.visible;
  isDestroyed = () => this.webContents.destroyed;
  /** Like Electron: 'close', then the window and its page are gone, then 'closed'. */
  close = () => {
    this.emit('close');
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  };
  show = () => {
    this.visible = true;
    this.emit('show');
  };
  hide = () => {
    this.visible = false;
    this.emit('hide');
  };
  focus = () => undefined;
  setPosition = () => undefined;
  getSize = () => [Number(this.options['width'] ?? 100), Number(this.options['height'] ?? 100)];
  isMinimized = () => false;
  restore = () => undefined;
  maximize = () => undefined;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 800, height: 600 });
  setProgressBar = () => undefined;
  setVisibleOnAllWorkspaces = () => undefined;
}

class FakeTray extends EventEmitter {
  title = '';
  tooltip = '';
  menu: unknown;
  constructor() {
    super();
    state.trays.push(this);
  }
  setToolTip = (t: string) => void (this.tooltip = t);
  setTitle = (t: string) => void (this.title = t);
  setContextMenu = (m: unknown) => void (this.menu = m);
  popUpContextMenu = () => undefined;
  destroy = () => undefined;
}

const display = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  readonly dock = undefined;
  whenReady = () => Promise.resolve();
  getPath = (name: string) => (name === 'userData' ? state.userData : tmpdir());
  requestSingleInstanceLock = () => true;
  focus = () => undefined;
  quit = () => this.emit('before-quit', { preventDefault: () => undefined });
  exit = (code: number) => void (state.exited = code);
  setLoginItemSettings = () => undefined;
}

const app = new FakeApp();
const powerMonitor = Object.assign(new EventEmitter(), {
  isOnBatteryPower: () => false,
  getCurrentThermalState: () => 'unknown' as const,
});

export const electron = {
  app,
  BrowserWindow: FakeWindow,
  Tray: FakeTray,
  Menu: {
    buildFromTemplate: (t: unknown) => t,
    setApplicationMenu: (m: unknown) => void (state.appMenu = m),
  },
  nativeImage: { createFromPath: () => ({ setTemplateImage: () => undefined }) },
  nativeTheme: { shouldUseDarkColors: false },
  Notification: class {
    static isSupported = () => true;
    constructor(private readonly n: { title: string; body: string }) {}
    show() {
      state.notifications.push(this.n);
    }
  },
  powerMonitor,
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (scheme: string, h: (req: { url: string; method: string }) => Promise<Response>) =>
      void state.protocolHandlers.set(scheme, h),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
    },
  },
  screen: {
    getAllDisplays: () => [display],
    getPrimaryDisplay: () => display,
    getCursorScreenPoint: () => ({ x: 10, y: 10 }),
  },
  shell: { openExternal: async () => undefined },
  dialog: {
    showMessageBox: async (o: unknown) => void state.messageBoxes.push(o),
    showErrorBox: (title: string, message: string) => void state.errorBoxes.push(`${title}: ${message}`),
    showOpenDialog: async (...args: unknown[]) => {
      state.openDialogs.push(args.at(-1));
      const paths = state.openDialogPaths;
      return paths === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: paths };
    },
    showSaveDialog: async () =>
      state.saveDialogPath === undefined
        ? { canceled: true, filePath: '' }
        : { canceled: false, filePath: state.saveDialogPath },
  },
  ipcMain: {
    handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) =>
      void state.handlers.set(channel, h),
    removeHandler: (channel: string) => void state.handlers.delete(channel),
  },
};
