// Electron main entry: one setupX() per feature, in start-up order. The logic lives in the modules
// named here; each takes Electron objects as parameters so Node tests drive it with fakes
// (test/main/*, and test/main/main-wiring.test.ts starts this file against a stand-in electron).
import {
  app,
  dialog,
  BrowserWindow,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import type { OpenDialogReturnValue } from 'electron';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Sample } from '../shared/sample';
import type { Notice } from './engine';
import { createAlertNotifier } from './engine';
import { APP_SCHEME_PRIVILEGES, isAppUrl, setupAppProtocol } from './windows';
import { setupAppTray } from './tray';
import { startEngine } from './engine';
import { createExportFlow } from './export';
import { createHandlers } from './ipc';
import { handleInvokes, sendPush } from './ipc';
import { loginCommand, setLaunchAtLogin } from './app';
import { createPipeline } from './engine';
import { setupPower } from './engine';
import { createSamplingController } from './engine';
import { createSecureWindow, isAllowedExternalUrl, setupSecurity } from './windows';
import { applySettings } from './settings';
import { samplingConfigOf, setupSettings } from './settings';
import type { Tell } from './tray';
import { setupShutdown } from './engine';
import type { Updates } from './updates';
import { updateMenuItem } from './updates';
import { startUpdates } from './updates';
import { createWindows } from './windows';
import { setupRecordings } from './replay';
import { routeInvokes } from './replay';
import { appMenuTemplate, offerMove, warnWhenTrayHidden } from './app';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const RENDERER_ROOT = here('../renderer');
const PRELOAD = here('./preload.cjs');
const TRAY_ICON = here('../../assets/trayTemplate.png');
const log = (what: string, error: unknown): void => console.error(`darwinmetrics: ${what}:`, error);
const notify = (n: Notice): void => {
  if (Notification.isSupported()) new Notification({ title: n.title, body: n.body }).show();
};
const tell: Tell = (m) => void dialog.showMessageBox(m).catch((e: unknown) => log('dialog', e));

// Before 'ready': the app:// scheme must be privileged to get a secure origin.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A menu-bar app lives on with every window closed.
  app.on('window-all-closed', () => undefined);
  // security.ts only calls this for allow-listed https URLs; checked again at the call itself.
  setupSecurity(app, session.defaultSession, (url) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'darwinmetrics could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}

async function start(): Promise<void> {
  app.dock?.hide(); // LSUIElement does this when packaged (electron-builder.yml); this covers `npm start`.
  // Electron relaunches the app from /Applications after a move.
  if (await offerMove(app, dialog, log)) return;
  setupAppProtocol(protocol, RENDERER_ROOT);
  const userData = app.getPath('userData');
  const settings = await setupSettings(userData, tell);

  const engine = await startEngine({
    settings: settings.current(),
    settingsStore: { get: () => settings.current(), set: (patch) => settings.update(patch) },
    userData,
    onError: log,
    onHistoryProblem: (detail) => tell({ type: 'warning', message: 'History after the last run', detail }),
  });

  let onSample: (sample: Sample) => void = () => undefined;
  const sampling = createSamplingController(engine.poller, samplingConfigOf(settings.current()), (s) =>
    onSample(s),
  );

  const windows = createWindows({
    createWindow: (options) => createSecureWindow(BrowserWindow, options),
    screen,
    preload: PRELOAD,
    userData,
    sampling,
    send: sendPush,
    focusApp: () => app.focus({ steal: true }),
    dark: () => nativeTheme.shouldUseDarkColors,
    now: () => performance.now(),
    onError: log,
  });
  app.on('second-instance', () => void windows.openDashboard());

  // Progress goes to the tray, made just below (only called during an export, long after start-up).
  const runExport = createExportFlow({
    showSaveDialog: (options) => {
      const parent = windows.focused();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    history: () => engine.history(),
    downloadsDir: app.getPath('downloads'),
    notify,
    showError: (title, message) => dialog.showErrorBox(title, message),
    onProgress: (f) => {
      tray.progress(f);
      windows.focused()?.setProgressBar(f ?? -1);
    },
  });

  // Recordings open in dashboard windows of their own, each with its own replay engine (src/main/replay).
  const recordings = setupRecordings<BrowserWindow>({
    createWindow: (options) => createSecureWindow(BrowserWindow, options),
    preload: PRELOAD,
    dark: () => nativeTheme.shouldUseDarkColors,
    send: sendPush,
    settings: { get: () => settings.current(), set: (patch) => settings.update(patch) },
    exportFor: (replay, parent) =>
      createExportFlow({
        showSaveDialog: (options) => dialog.showSaveDialog(parent, options),
        history: () => replay.replay.history,
        downloadsDir: app.getPath('downloads'),
        notify,
        showError: (title, message) => dialog.showErrorBox(title, message),
        onProgress: (f) => parent.setProgressBar(f ?? -1),
      }),
    showOpenDialog: (options, askedBy): Promise<OpenDialogReturnValue> => {
      const asker = askedBy === undefined ? undefined : windows.byContentsId(askedBy);
      const parent: BrowserWindow | undefined =
        asker ?? recordings.windows.byContentsId(askedBy ?? -1)?.win ?? windows.focused();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
    showError: (title, message) => dialog.showErrorBox(title, message),
    focusApp: () => app.focus({ steal: true }),
    onError: log,
  });
  const openRecordingFromMenu = (): void =>
    void recordings.chooseAndOpen().catch((e: unknown) => log('open recording', e));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(process.platform, {
        openRecording: openRecordingFromMenu,
        openDashboard: () => void windows.openDashboard(),
        openSettings: () => windows.openSettings(),
      }),
    ),
  );

  // Set once the updater has started (below); the tray menu reads it at every rebuild.
  let updates: Updates | undefined = undefined;
  const tray = setupAppTray({
    createTray: (icon) => new Tray(icon),
    icon: nativeImage.createFromPath(TRAY_ICON),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    platform: process.platform,
    settings: () => settings.current(),
    setLaunchAtLogin: (on) =>
      void settings.update({ launchAtLogin: on }).catch((e: unknown) => log('settings', e)),
    togglePopover: (bounds) => windows.togglePopover(bounds),
    openDashboard: () => void windows.openDashboard(),
    openRecording: openRecordingFromMenu,
    openSettings: () => windows.openSettings(),
    listSeries: () => engine.history().listSeries(),
    runExport,
    tell,
    quit: () => app.quit(),
    updateItem: () => (updates ? updateMenuItem(updates.state()) : undefined),
    checkForUpdates: () => void updates?.checkNow(),
    installUpdate: () => updates?.installNow(),
  });
  warnWhenTrayHidden(tray, screen, dialog, () => void windows.openDashboard(), log);
  updates = await startUpdates({
    isPackaged: app.isPackaged,
    enabled: settings.current().autoUpdate,
    notify: (title, body) => notify({ title, body }),
    tellUpToDate: () =>
      tell({
        type: 'info',
        message: 'DarwinMetrics is up to date',
        detail: `Version ${app.getVersion()} is the newest release.`,
      }),
    onState: () => tray.refresh(),
  }).catch((e: unknown) => void log('updates', e));

  const notifier = createAlertNotifier({ show: notify, now: () => performance.now() });
  const power = setupPower(powerMonitor, sampling, process.platform);
  const pipeline = createPipeline({
    thermal: () => power.thermal(),
    history: { push: (s) => engine.history().push(s) },
    alerts: () => engine.alerts(),
    onAlert: (event) => {
      notifier.handle(event, settings.current());
      windows.broadcast('alerts:event', event);
    },
    onTray: (s) => tray.update(s, settings.current()),
    onWindows: (s) => windows.pushSample(s),
    onError: (stage, error) => log(`pipeline ${stage}`, error),
  });
  onSample = (s) => pipeline.handle(s);

  settings.onChange(
    applySettings({
      sampling,
      setRules: (rules) => engine.setRules(rules),
      setHistoryDays: (days) => engine.setHistoryDays(days),
      setLaunchAtLogin: (on) =>
        setLaunchAtLogin(on, {
          platform: process.platform,
          setLoginItemSettings: (s) => app.setLoginItemSettings(s),
          getLoginItemSettings: () => app.getLoginItemSettings(),
          env: process.env,
          homeDir: homedir(),
          command: loginCommand({
            isPackaged: app.isPackaged,
            execPath: process.execPath,
            env: process.env,
            mainScript: here('./main.mjs'),
          }),
        }),
      setAutoUpdate: (on) => updates?.setEnabled(on),
      refreshTray: (next) => {
        const latest = pipeline.latest();
        if (latest) tray.update(latest, next);
        tray.refresh();
      },
      onError: (what, e) => dialog.showErrorBox(`Could not change ${what}`, String(e)),
    }),
    (e) => log('settings change', e),
  );
  settings.onChange((next) => {
    windows.broadcast('settings:changed', next);
    recordings.windows.broadcast('settings:changed', next);
  });

  handleInvokes(
    routeInvokes(
      createHandlers({
        service: engine.service,
        latest: () => pipeline.latest(),
        setDemand: (id, sections) => sampling.setWindowDemand(id, sections),
        settings,
        runExport: (options) => runExport(options),
        openDashboard: () => windows.openDashboard(),
        openSettings: () => windows.openSettings(),
        openRecording: (path, askedBy) => recordings.open(path, askedBy),
      }),
      (id) => recordings.windows.byContentsId(id),
    ),
    {
      isTrustedUrl: isAppUrl,
      isKnownSender: (id) =>
        windows.byContentsId(id) !== undefined || recordings.windows.byContentsId(id) !== undefined,
    },
  );

  if (process.env['DARWINMETRICS_E2E'] === '1' && !app.isPackaged) {
    // e2e/electron.spec.ts stands in for the user's click on the menu-bar icon, which Playwright cannot
    // reach. Development builds only: a packaged app ignores the variable.
    Object.assign(globalThis, { darwinmetricsE2E: { clickTray: () => windows.togglePopover(null) } });
  }

  // No periodic save: history appends each closed bucket as it goes (core/history/disk-writer.ts).
  setupShutdown(app, {
    stop: () => {
      recordings.windows.closeAll();
      updates?.dispose();
      sampling.dispose();
    },
    close: () => engine.close(),
    last: () => tray.destroy(),
    onError: log,
  });
}
