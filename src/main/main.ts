// Electron main entry: one setupX() per feature, in start-up order. The logic lives in the modules
// named here; each takes Electron objects as parameters so Node tests drive it with fakes.
import {
  app,
  dialog,
  BrowserWindow,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import type { MessageBoxOptions } from 'electron';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createAlertEngine } from '../core/alerts';
import { DEFAULT_SETTINGS } from '../shared/settings';
import type { Notice } from './alert-notifier';
import { createAlertNotifier } from './alert-notifier';
import { APP_SCHEME_PRIVILEGES, isAppUrl, setupAppProtocol } from './app-protocol';
import { startEngine } from './engine';
import { createExportFlow } from './export-flow';
import { glanceSections } from './glance';
import { createHandlers } from './handlers';
import { handleInvokes, sendPush } from './ipc';
import { setLaunchAtLogin } from './login-item';
import { alertSections, createPipeline } from './pipeline';
import { setupPower } from './power';
import { createSamplingController } from './sampling';
import { isAllowedExternalUrl, setupSecurity } from './security';
import { createSettingsController } from './settings-controller';
import { createSettingsStore } from './settings-store';
import { setupTray } from './tray';
import { trayMenuTemplate } from './tray-menu';
import { createWindows } from './windows';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const RENDERER_ROOT = here('../renderer');
const PRELOAD = here('./preload.cjs');
const TRAY_ICON = here('../../assets/trayTemplate.png');
/** History is written every 5 minutes, so a crash loses at most that much. */
const HISTORY_SAVE_MS = 5 * 60_000;

const log = (what: string, error: unknown): void => console.error(`darwinmetrics: ${what}:`, error);
const notify = (n: Notice): void => {
  if (Notification.isSupported()) new Notification({ title: n.title, body: n.body }).show();
};
const tell = (options: MessageBoxOptions): void =>
  void dialog.showMessageBox(options).catch((e) => log('dialog', e));

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
  setupAppProtocol(protocol, RENDERER_ROOT);
  const userData = app.getPath('userData');

  const store = createSettingsStore(userData, DEFAULT_SETTINGS);
  const loaded = await store.load();
  if (loaded.problem) {
    tell({
      type: 'warning',
      message: 'darwinmetrics reset its settings',
      detail: `${loaded.problem.message}.${loaded.problem.backupPath ? `\nThe old file was kept as ${loaded.problem.backupPath}.` : ''}\nDefault settings are in use.`,
    });
  }

  // Late-bound: the settings controller needs the engine and windows, which need the settings.
  let afterChange: (next: typeof loaded.settings, prev: typeof loaded.settings) => void = () => undefined;
  let announce: (s: typeof loaded.settings) => void = () => undefined;
  const settings = createSettingsController({
    initial: loaded.settings,
    save: (s) => store.save(s),
    check: (next) => void createAlertEngine(next.alerts),
    apply: (next, prev) => afterChange(next, prev),
    announce: (s) => announce(s),
  });

  const engine = await startEngine({
    settings: loaded.settings,
    settingsStore: { get: () => settings.current(), set: (patch) => settings.update(patch) },
    userData,
    onError: log,
    onHistoryProblem: (message) =>
      tell({ type: 'warning', message: 'Saved history could not be restored', detail: message }),
  });

  const current = settings.current();
  let pipelineHandle: (s: Parameters<ReturnType<typeof createPipeline>['handle']>[0]) => void = () =>
    undefined;
  const sampling = createSamplingController(
    engine.poller,
    {
      traySections: glanceSections(current.glanceItems),
      alertSections: alertSections(current.alerts),
      trayIntervalMs: current.trayIntervalMs,
      windowIntervalMs: current.windowIntervalMs,
      batteryIntervalFactor: current.batteryIntervalFactor,
    },
    (sample) => pipelineHandle(sample),
  );

  const windows = createWindows({
    // The one place windows are made: the security flags are forced here whatever the caller passed.
    createWindow: (options) =>
      new BrowserWindow({
        ...options,
        webPreferences: {
          ...options.webPreferences,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          disableBlinkFeatures: 'Auxclick',
        },
      }),
    screen,
    preload: PRELOAD,
    userData,
    sampling,
    send: sendPush,
    focusApp: () => app.focus({ steal: true }),
    now: () => performance.now(),
    onError: log,
  });
  app.on('second-instance', () => void windows.openDashboard());

  const tray = setupTray({
    createTray: (icon) => new Tray(icon),
    icon: nativeImage.createFromPath(TRAY_ICON),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    platform: process.platform,
    onClick: (bounds) => windows.togglePopover(bounds),
  });

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
      tray.setStatus(f === undefined ? undefined : `⇣ ${Math.round(f * 100)}%`);
      windows.focused()?.setProgressBar(f ?? -1);
      refreshMenu(f);
    },
  });

  /** The tray menu's export: the last 24 h of every recorded series. */
  const exportFromTray = (): void => {
    const series = engine
      .history()
      .listSeries()
      .map((s) => s.id);
    if (series.length === 0) {
      tell({
        type: 'info',
        message: 'Nothing to export yet',
        detail: 'No history has been recorded so far.',
      });
      return;
    }
    runExport({ range: '24h', series: series.slice(0, 256), format: 'csv' }).catch(() => undefined);
  };
  function refreshMenu(exportProgress?: number): void {
    tray.setMenu(
      trayMenuTemplate(
        {
          launchAtLogin: settings.current().launchAtLogin,
          ...(exportProgress === undefined ? {} : { exportProgress }),
        },
        {
          openDashboard: () => void windows.openDashboard(),
          exportCsv: exportFromTray,
          openSettings: () => windows.openSettings(),
          setLaunchAtLogin: (on) =>
            void settings.update({ launchAtLogin: on }).catch((e: unknown) => log('settings', e)),
          quit: () => app.quit(),
        },
      ),
    );
  }
  refreshMenu();

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
  pipelineHandle = (s) => pipeline.handle(s);

  announce = (s) => windows.broadcast('settings:changed', s);
  afterChange = (next, prev) => {
    sampling.configure({
      traySections: glanceSections(next.glanceItems),
      alertSections: alertSections(next.alerts),
      trayIntervalMs: next.trayIntervalMs,
      windowIntervalMs: next.windowIntervalMs,
      batteryIntervalFactor: next.batteryIntervalFactor,
    });
    if (next.alerts !== prev.alerts) engine.setRules(next.alerts);
    if (next.historyDays !== prev.historyDays)
      engine.setHistoryDays(next.historyDays).catch((e: unknown) => log('history', e));
    if (next.launchAtLogin !== prev.launchAtLogin) {
      setLaunchAtLogin(next.launchAtLogin, {
        platform: process.platform,
        setLoginItemSettings: (s) => app.setLoginItemSettings(s),
        env: process.env,
        homeDir: homedir(),
        command: app.isPackaged
          ? [process.env['APPIMAGE'] ?? process.execPath]
          : [process.execPath, here('./main.mjs')],
      }).catch((e: unknown) => dialog.showErrorBox('Launch at login could not be changed', String(e)));
    }
    const latest = pipeline.latest();
    if (latest) tray.update(latest, next);
    refreshMenu();
  };

  handleInvokes(
    createHandlers({
      service: engine.service,
      latest: () => pipeline.latest(),
      setDemand: (id, sections) => sampling.setWindowDemand(id, sections),
      settings,
      runExport: (options) => runExport(options),
      openDashboard: () => windows.openDashboard(),
      openSettings: () => windows.openSettings(),
    }),
    { isTrustedUrl: isAppUrl },
  );

  if (process.env['DARWINMETRICS_E2E'] === '1') {
    // e2e/electron.spec.ts stands in for the user's click on the menu-bar icon, which Playwright cannot reach.
    Object.assign(globalThis, { darwinmetricsE2E: { clickTray: () => windows.togglePopover(null) } });
  }

  const saver = setInterval(
    () => engine.saveHistory().catch((e: unknown) => log('history save', e)),
    HISTORY_SAVE_MS,
  );
  saver.unref();
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Save history and release the sampler before the process ends.
    event.preventDefault();
    quitting = true;
    clearInterval(saver);
    sampling.dispose();
    engine
      .close()
      .catch((e: unknown) => log('shutdown', e))
      .finally(() => {
        tray.destroy();
        app.exit(0);
      });
  });
}
