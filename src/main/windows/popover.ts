/**
 * The popover: a frameless window anchored to the tray icon (popover-position.ts) that hides on blur
 * and on Escape. Takes the window and the screen as small interfaces, so the toggle rules are tested
 * with fakes.
 */
import type { DisplayArea, Point, Rect } from './popover-position';
import { popoverPosition } from './popover-position';

interface KeyInput {
  readonly type: string;
  readonly key: string;
}

/** The parts of BrowserWindow the popover uses. */
export interface PopoverWindowLike {
  isVisible(): boolean;
  isDestroyed(): boolean;
  show(): void;
  hide(): void;
  focus(): void;
  setPosition(x: number, y: number): void;
  getSize(): number[];
  on(event: 'blur', listener: () => void): unknown;
  readonly webContents: {
    on(
      event: 'before-input-event',
      listener: (event: { preventDefault(): void }, input: KeyInput) => void,
    ): unknown;
  };
}

/** The parts of Electron's screen module placement needs. */
export interface ScreenLike {
  getAllDisplays(): readonly DisplayArea[];
  getCursorScreenPoint(): Point;
}

export interface Popover {
  /** Tray click: show under the icon (bounds from the click event or Tray.getBounds()), or hide. */
  toggle(trayBounds: Rect | null): void;
  show(trayBounds: Rect | null): void;
  hide(): void;
}

/**
 * A click on the tray icon while the popover is open first blurs the popover (hiding it), then
 * arrives as a click that would show it again. A click this soon after a blur-hide is the same
 * gesture and leaves it closed; 300 ms is above a mouse-down/up pair and far below a second click.
 */
export const BLUR_CLICK_GUARD_MS = 300;

export function createPopover(win: PopoverWindowLike, screen: ScreenLike, now: () => number): Popover {
  let hiddenByBlurAt = -Infinity;

  const hide = (): void => {
    if (!win.isDestroyed() && win.isVisible()) win.hide();
  };
  const show = (trayBounds: Rect | null): void => {
    if (win.isDestroyed()) return;
    const [width = 0, height = 0] = win.getSize();
    const { x, y } = popoverPosition({
      trayBounds,
      cursor: screen.getCursorScreenPoint(),
      size: { width, height },
      displays: screen.getAllDisplays(),
    });
    win.setPosition(x, y);
    win.show();
    win.focus();
  };

  win.on('blur', () => {
    if (win.isVisible()) hiddenByBlurAt = now();
    hide();
  });
  win.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  });

  return {
    toggle(trayBounds) {
      if (win.isDestroyed()) return;
      if (win.isVisible()) hide();
      else if (now() - hiddenByBlurAt >= BLUR_CLICK_GUARD_MS) show(trayBounds);
    },
    show,
    hide,
  };
}
