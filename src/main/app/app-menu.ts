/**
 * The application menu (the Mac menu bar while one of our windows is in front; a window's menu bar on
 * Linux). Electron's default menu has no place for our commands, so this one keeps the standard
 * roles people rely on (Edit's copy and paste in the settings fields, Window, Close) and adds
 * File ▸ Open Recording…. Pure template, tested in Node.
 * Roles: https://www.electronjs.org/docs/latest/api/menu-item#roles
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  readonly openRecording: () => void;
  readonly openDashboard: () => void;
  readonly openSettings: () => void;
}

export function appMenuTemplate(
  platform: NodeJS.Platform,
  actions: AppMenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        id: 'open-recording',
        label: 'Open Recording…',
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.openRecording(),
      },
      { id: 'open-dashboard', label: 'Open Dashboard', click: () => actions.openDashboard() },
      // macOS puts Settings in the app menu; elsewhere it lives under File.
      ...(mac ? [] : [{ id: 'settings', label: 'Settings…', click: () => actions.openSettings() }]),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { id: 'settings', label: 'Settings…', accelerator: 'Cmd+,', click: () => actions.openSettings() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), file, { role: 'editMenu' }, { role: 'windowMenu' }];
}
