/**
 * A menu-bar app whose icon macOS does not show looks like an app that never started. Two cases are
 * common: macOS 26's per-app "Allow in the Menu Bar" switch (System Settings › Menu Bar) is off,
 * and on a MacBook with a camera notch a crowded menu bar parks the newest item under the notch,
 * where it still reports ordinary on-screen coordinates (robinebers/openusage#993 measured one at
 * x 767–937 under a notch spanning x 791–1012 of an 1800-pt display). Shortly after launch we look
 * at the tray's bounds; if they are empty, off every display, or inside the notch, a small window
 * says so and how to fix it.
 */
import type { Rectangle } from 'electron';

export interface DisplayLike {
  readonly bounds: Rectangle;
  readonly workArea: Rectangle;
}

export type TrayPlacement = 'visible' | 'no-bounds' | 'off-screen' | 'under-notch';

/**
 * On notched MacBooks the display was made taller to hold the menu bar beside the camera housing
 * (Apple's Shruti Haldea, https://www.idownloadblog.com/2021/10/25/macbook-pro-notch-apple-explanation/),
 * so the menu bar there is taller than the 24 pt of other displays (workArea.y − bounds.y tells us
 * its height). The housing is centred: 221 pt wide on the 14" MacBook Pro measured above; we treat a
 * 240-pt band as hidden. A wrong guess here only costs a missed warning or a needless one.
 */
const PLAIN_MENU_BAR_PT = 24;
const NOTCH_BAND_PT = 240;

const contains = (area: Rectangle, x: number, y: number): boolean =>
  x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height;

function underNotch(tray: Rectangle, display: DisplayLike): boolean {
  const menuBar = display.workArea.y - display.bounds.y;
  if (menuBar <= PLAIN_MENU_BAR_PT) return false;
  const notchLeft = display.bounds.x + (display.bounds.width - NOTCH_BAND_PT) / 2;
  const notchRight = notchLeft + NOTCH_BAND_PT;
  // Hidden when less than half of the item shows beside the notch.
  const visible =
    Math.max(0, Math.min(tray.x + tray.width, notchLeft) - tray.x) +
    Math.max(0, tray.x + tray.width - Math.max(tray.x, notchRight));
  return visible < tray.width / 2;
}

/** Where the tray item is, judged from Tray.getBounds() and screen.getAllDisplays(). */
export function trayPlacement(tray: Rectangle, displays: readonly DisplayLike[]): TrayPlacement {
  if (!(tray.width > 0 && tray.height > 0)) return 'no-bounds';
  const cx = tray.x + tray.width / 2;
  const cy = tray.y + tray.height / 2;
  const display = displays.find((d) => contains(d.bounds, cx, cy));
  if (!display) return 'off-screen';
  return underNotch(tray, display) ? 'under-notch' : 'visible';
}

export interface TrayHiddenMessage {
  readonly message: string;
  readonly detail: string;
}

/** What the window says, by case. */
export function trayHiddenMessage(placement: Exclude<TrayPlacement, 'visible'>): TrayHiddenMessage {
  const notch =
    'On a MacBook with a camera notch, a crowded menu bar hides icons behind the notch: quit a ' +
    'menu-bar app you do not need, or hold ⌘ and drag other icons out of the menu bar to make room.';
  const allow =
    'On macOS 26 and later, open System Settings › Menu Bar and switch DarwinMetrics on under ' +
    '“Allow in the Menu Bar”.';
  const meanwhile =
    'Until then, the dashboard is one click away: below, or by opening DarwinMetrics again from ' +
    'Spotlight or the Applications folder.';
  return {
    message: 'DarwinMetrics is running, but macOS is not showing its menu-bar icon',
    detail: placement === 'under-notch' ? `${notch}\n\n${meanwhile}` : `${allow}\n\n${notch}\n\n${meanwhile}`,
  };
}

export interface TrayVisibilityDeps {
  readonly platform: NodeJS.Platform;
  readonly trayBounds: () => Rectangle;
  readonly displays: () => readonly DisplayLike[];
  /** setTimeout. */
  readonly after: (ms: number, run: () => void) => void;
  /** Shows the window; resolves to true when the user chose to open the dashboard. */
  readonly explain: (text: TrayHiddenMessage) => Promise<boolean>;
  readonly openDashboard: () => void;
  readonly onError: (what: string, error: unknown) => void;
}

/**
 * The status bar lays new items out asynchronously, and menu-bar managers (Ice, Bartender) move
 * them around at login, so we look twice, SETTLE_MS apart, and speak only if both looks agree.
 */
export const SETTLE_MS = 3000;

export function watchTrayVisibility(deps: TrayVisibilityDeps): void {
  // Linux trays are StatusNotifierItems drawn by the desktop: Electron reports no bounds there.
  if (deps.platform !== 'darwin') return;
  const look = (): TrayPlacement => trayPlacement(deps.trayBounds(), deps.displays());
  deps.after(SETTLE_MS, () => {
    if (look() === 'visible') return;
    deps.after(SETTLE_MS, () => {
      const placement = look();
      if (placement === 'visible') return;
      deps
        .explain(trayHiddenMessage(placement))
        .then((open) => open && deps.openDashboard())
        .catch((e: unknown) => deps.onError('hidden tray notice', e));
    });
  });
}
