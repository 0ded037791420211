/**
 * The tray as the app uses it: the menu-bar item (tray.ts), its context menu (tray-menu.ts) kept in
 * step with the settings and a running export, and the menu's own export (the last 24 h of every
 * recorded series).
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Rectangle, Tray } from 'electron';
import type { ExportOptions, ExportResult, Settings } from '../../shared/ipc';
import { MAX_QUERY_SERIES } from '../../shared/payload-schemas';
import type { Sample } from '../../shared/sample';
import type { Tell } from './tell';
import { setupTray } from './tray';
import { trayMenuTemplate } from './tray-menu';
import type { TrayMenuState } from './tray-menu';

export interface AppTrayDeps {
  readonly createTray: (icon: NativeImage) => Tray;
  readonly icon: NativeImage;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  readonly platform: NodeJS.Platform;
  readonly settings: () => Settings;
  readonly setLaunchAtLogin: (on: boolean) => void;
  readonly togglePopover: (bounds: Rectangle | null) => void;
  readonly openDashboard: () => void;
  readonly openRecording: () => void;
  readonly openSettings: () => void;
  readonly listSeries: () => readonly { readonly id: string }[];
  readonly runExport: (options: ExportOptions) => Promise<ExportResult>;
  readonly tell: Tell;
  readonly quit: () => void;
  /** The update line of the menu, read at every rebuild (absent: no update line). */
  readonly updateItem?: () => TrayMenuState['update'];
  readonly checkForUpdates?: () => void;
  readonly installUpdate?: () => void;
}

export interface AppTray {
  update(sample: Sample, settings: Settings): void;
  /** Rebuilds the menu (after a settings change). */
  refresh(): void;
  /** Export progress 0…1, or undefined when done. */
  progress(fraction: number | undefined): void;
  bounds(): Rectangle;
  destroy(): void;
}

export function setupAppTray(deps: AppTrayDeps): AppTray {
  const tray = setupTray({
    createTray: deps.createTray,
    icon: deps.icon,
    buildMenu: deps.buildMenu,
    platform: deps.platform,
    onClick: deps.togglePopover,
  });
  let exportProgress: number | undefined;

  const exportFromTray = (): void => {
    const series = deps.listSeries().map((s) => s.id);
    if (series.length === 0) {
      deps.tell({
        type: 'info',
        message: 'Nothing to export yet',
        detail: 'No history has been recorded so far.',
      });
      return;
    }
    // Errors are shown by the export flow itself. At most the export schema's series cap.
    deps
      .runExport({ range: '24h', series: series.slice(0, MAX_QUERY_SERIES), format: 'csv' })
      .catch(() => undefined);
  };

  const refresh = (): void => {
    const update = deps.updateItem?.();
    const state = {
      launchAtLogin: deps.settings().launchAtLogin,
      ...(exportProgress === undefined ? {} : { exportProgress }),
      ...(update === undefined ? {} : { update }),
    };
    tray.setMenu(
      trayMenuTemplate(state, {
        openDashboard: deps.openDashboard,
        openRecording: deps.openRecording,
        exportCsv: exportFromTray,
        openSettings: deps.openSettings,
        setLaunchAtLogin: deps.setLaunchAtLogin,
        quit: deps.quit,
        ...(deps.checkForUpdates ? { checkForUpdates: deps.checkForUpdates } : {}),
        ...(deps.installUpdate ? { installUpdate: deps.installUpdate } : {}),
      }),
    );
  };
  refresh();

  return {
    update: (sample, settings) => tray.update(sample, settings),
    refresh,
    progress(fraction) {
      exportProgress = fraction;
      tray.setStatus(fraction === undefined ? undefined : `⇣ ${Math.round(fraction * 100)}%`);
      refresh();
    },
    bounds: () => tray.bounds(),
    destroy: () => tray.destroy(),
  };
}
