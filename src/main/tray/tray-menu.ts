/** The tray's context menu, as a template (pure, so its items and states are tested in Node). */
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayMenuState {
  readonly launchAtLogin: boolean;
  /** 0…1 while an export runs, else undefined. */
  readonly exportProgress?: number;
}

export interface TrayMenuActions {
  readonly openDashboard: () => void;
  readonly exportCsv: () => void;
  readonly openSettings: () => void;
  readonly setLaunchAtLogin: (on: boolean) => void;
  readonly quit: () => void;
}

export function trayMenuTemplate(
  state: TrayMenuState,
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  const exporting = state.exportProgress !== undefined;
  return [
    { id: 'dashboard', label: 'Open Dashboard', click: () => actions.openDashboard() },
    {
      id: 'export',
      label: exporting ? `Exporting… ${Math.round((state.exportProgress ?? 0) * 100)} %` : 'Export CSV…',
      enabled: !exporting,
      click: () => actions.exportCsv(),
    },
    { type: 'separator' },
    { id: 'settings', label: 'Settings…', click: () => actions.openSettings() },
    {
      id: 'login',
      label: 'Launch at Login',
      type: 'checkbox',
      checked: state.launchAtLogin,
      click: (item) => actions.setLaunchAtLogin(item.checked),
    },
    { type: 'separator' },
    { id: 'quit', label: 'Quit darwinmetrics', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ];
}
