/** The tray's context menu, as a template (pure, so its items and states are tested in Node). */
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayMenuState {
  readonly launchAtLogin: boolean;
  /** 0…1 while an export runs, else undefined. */
  readonly exportProgress?: number;
  /** The update line (updates.ts updateMenuItem); absent where the app does not update itself. */
  readonly update?: { readonly label: string; readonly action: 'check' | 'install' | 'none' };
}

export interface TrayMenuActions {
  readonly openDashboard: () => void;
  /** Opens recordings (`nmetrics record` files), each in a dashboard window of its own. */
  readonly openRecording: () => void;
  readonly exportCsv: () => void;
  readonly openSettings: () => void;
  readonly setLaunchAtLogin: (on: boolean) => void;
  readonly quit: () => void;
  readonly checkForUpdates?: () => void;
  readonly installUpdate?: () => void;
}

export function trayMenuTemplate(
  state: TrayMenuState,
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  const exporting = state.exportProgress !== undefined;
  return [
    { id: 'dashboard', label: 'Open Dashboard', click: () => actions.openDashboard() },
    { id: 'recording', label: 'Open Recording…', click: () => actions.openRecording() },
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
    ...updateItems(state, actions),
    { type: 'separator' },
    { id: 'quit', label: 'Quit darwinmetrics', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ];
}

function updateItems(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const update = state.update;
  if (!update) return [];
  const click =
    update.action === 'install'
      ? actions.installUpdate
      : update.action === 'check'
        ? actions.checkForUpdates
        : undefined;
  return [{ id: 'update', label: update.label, enabled: click !== undefined, click: () => click?.() }];
}
