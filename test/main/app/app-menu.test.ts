import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../../src/main/app/app-menu';

const items = (menu: MenuItemConstructorOptions | undefined) =>
  (menu?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];

describe('appMenuTemplate', () => {
  function setup(platform: NodeJS.Platform) {
    const calls: string[] = [];
    const menu = appMenuTemplate(platform, {
      openRecording: () => calls.push('recording'),
      openDashboard: () => calls.push('dashboard'),
      openSettings: () => calls.push('settings'),
    });
    return { menu, calls };
  }

  it('puts Open Recording… (⌘O) under File, beside the standard Mac menus', () => {
    const { menu, calls } = setup('darwin');
    expect(menu.map((m) => m.role ?? m.label)).toEqual(['appMenu', 'File', 'editMenu', 'windowMenu']);
    const file = items(menu[1]);
    const open = file.find((i) => i.id === 'open-recording');
    expect(open).toMatchObject({ label: 'Open Recording…', accelerator: 'CmdOrCtrl+O' });
    for (const item of file) (item.click as (() => void) | undefined)?.();
    (items(menu[0]).find((i) => i.id === 'settings')?.click as () => void)();
    expect(calls).toEqual(['recording', 'dashboard', 'settings']);
    expect(file.at(-1)).toEqual({ role: 'close' });
  });

  it('has no app menu on Linux: Settings and Quit sit under File', () => {
    const { menu } = setup('linux');
    expect(menu.map((m) => m.role ?? m.label)).toEqual(['File', 'editMenu', 'windowMenu']);
    expect(items(menu[0]).map((i) => i.id ?? i.role ?? i.type)).toEqual([
      'open-recording',
      'open-dashboard',
      'settings',
      'separator',
      'quit',
    ]);
  });
});
