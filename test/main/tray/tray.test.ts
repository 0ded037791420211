import { EventEmitter } from 'node:events';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { describe, expect, it } from 'vitest';
import { setupAppTray } from '../../../src/main/tray/app-tray';
import type { AppTrayDeps } from '../../../src/main/tray/app-tray';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { laptopSample } from '../helpers/sample';

/** Records what the app asks of its Tray. */
class FakeTray extends EventEmitter {
  titles: string[] = [];
  tooltip = '';
  contextMenu: unknown;
  popups = 0;
  setTitle(t: string) {
    this.titles.push(t);
  }
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setContextMenu(m: unknown) {
    this.contextMenu = m;
  }
  popUpContextMenu() {
    this.popups += 1;
  }
  destroy() {}
}

function setup(platform: NodeJS.Platform, series: string[] = []) {
  const fake = new FakeTray();
  const log: string[] = [];
  let templateImage = false;
  const deps: AppTrayDeps = {
    createTray: () => fake as unknown as Tray,
    icon: { setTemplateImage: (on: boolean) => void (templateImage = on) } as unknown as NativeImage,
    buildMenu: (t: MenuItemConstructorOptions[]) => t as unknown as Menu,
    platform,
    settings: () => DEFAULT_SETTINGS,
    setLaunchAtLogin: (on) => void log.push(`login:${on}`),
    togglePopover: (b) => void log.push(`toggle:${b === null ? 'null' : b.x}`),
    openDashboard: () => void log.push('dashboard'),
    openRecording: () => void log.push('recording'),
    openSettings: () => void log.push('settings'),
    listSeries: () => series.map((id) => ({ id })),
    runExport: async (o) => {
      log.push(`export:${o.range}:${o.series.length}:${o.format}`);
      return { saved: true, rows: 1, bytes: 1 };
    },
    tell: (m) => void log.push(`tell:${m.message}`),
    quit: () => void log.push('quit'),
  };
  const tray = setupAppTray(deps);
  const menu = () => (fake.contextMenu ?? []) as MenuItemConstructorOptions[];
  return { tray, fake, log, menu, templateImage: () => templateImage };
}

describe('app tray', () => {
  it('shows the glance as the macOS title only when it changes, and the tooltip', () => {
    const f = setup('darwin');
    expect(f.templateImage()).toBe(true);
    f.tray.update(laptopSample(1), DEFAULT_SETTINGS);
    f.tray.update(laptopSample(2), DEFAULT_SETTINGS);
    expect(f.fake.titles).toEqual(['62° 12%']);
    expect(f.fake.tooltip).toMatch(/^CPU 12\.4 %/);
    f.tray.progress(0.5);
    f.tray.progress(undefined);
    expect(f.fake.titles).toEqual(['62° 12%', '⇣ 50%', '62° 12%']);
  });

  it('toggles the popover on click, with the icon bounds or none', () => {
    const f = setup('darwin');
    f.fake.emit('click', {}, { x: 900, y: 0, width: 24, height: 22 });
    f.fake.emit('click', {}, { x: 0, y: 0, width: 0, height: 0 });
    f.fake.emit('right-click');
    expect(f.log).toEqual(['toggle:900', 'toggle:null']);
    expect(f.fake.popups).toBe(1);
  });

  it('sets the context menu on Linux, without a title', () => {
    const f = setup('linux');
    f.tray.update(laptopSample(1), DEFAULT_SETTINGS);
    expect(f.fake.titles).toEqual([]);
    expect(
      f
        .menu()
        .map((i) => i.id)
        .filter(Boolean),
    ).toEqual(['dashboard', 'recording', 'export', 'settings', 'login', 'quit']);
  });

  it('exports the last 24 h of every series from the menu, or says there is nothing yet', () => {
    const empty = setup('linux');
    (empty.menu().find((i) => i.id === 'export')?.click as () => void)();
    expect(empty.log).toEqual(['tell:Nothing to export yet']);
    const f = setup('linux', ['cpu.busy', 'memory.usedPercent']);
    (f.menu().find((i) => i.id === 'export')?.click as () => void)();
    expect(f.log).toEqual(['export:24h:2:csv']);
  });
});
