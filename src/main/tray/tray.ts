/**
 * The menu-bar item: a template icon, the glance title (macOS only: Tray.setTitle shows text next to
 * the icon), a tooltip, click to toggle the popover, and the context menu. On macOS a context menu
 * set with setContextMenu would take over the left click, so it pops up on right click instead; on
 * Linux (StatusNotifierItem / AppIndicator) the menu must be set, and clicks may never arrive.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Rectangle, Tray } from 'electron';
import type { Settings } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';
import { glanceTitle, glanceTooltip } from '../../shared/glance-title';

export interface TrayDeps {
  readonly createTray: (icon: NativeImage) => Tray;
  readonly icon: NativeImage;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  readonly platform: NodeJS.Platform;
  readonly onClick: (bounds: Rectangle | null) => void;
}

export interface AppTray {
  update(sample: Sample, settings: Settings): void;
  setMenu(template: MenuItemConstructorOptions[]): void;
  /** A transient title (export progress); undefined returns to the glance. */
  setStatus(text: string | undefined): void;
  /** Where the item is on screen (empty when macOS is not showing it; tray-visibility.ts). */
  bounds(): Rectangle;
  destroy(): void;
}

export function setupTray(deps: TrayDeps): AppTray {
  deps.icon.setTemplateImage(true);
  const tray = deps.createTray(deps.icon);
  const isMac = deps.platform === 'darwin';
  let menu: Menu | undefined;
  let glance = '';
  let status: string | undefined;
  let lastTitle: string | undefined;
  let lastTooltip: string | undefined;

  tray.setToolTip('darwinmetrics');
  tray.on('click', (_event, bounds) => deps.onClick(bounds.width > 0 ? bounds : null));
  if (isMac) tray.on('right-click', () => menu && tray.popUpContextMenu(menu));

  const showTitle = (): void => {
    const title = status ?? glance;
    // setTitle re-lays out the status bar; skip when nothing changed (most ticks at idle).
    if (isMac && title !== lastTitle) tray.setTitle(title, { fontType: 'monospacedDigit' });
    lastTitle = title;
  };

  return {
    update(sample, settings) {
      glance = glanceTitle(sample, settings.glanceItems, settings.temperatureUnit);
      showTitle();
      const tooltip = glanceTooltip(sample, settings.temperatureUnit);
      if (tooltip !== lastTooltip) tray.setToolTip(tooltip);
      lastTooltip = tooltip;
    },
    setMenu(template) {
      menu = deps.buildMenu(template);
      if (!isMac) tray.setContextMenu(menu);
    },
    setStatus(text) {
      status = text;
      showTitle();
    },
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}
