/**
 * Where the popover goes: under (or over, or beside) the tray icon, inside the work area of the
 * display that holds the icon; near the cursor when the tray reports no bounds (some Linux desktops
 * with StatusNotifierItem trays return an empty rectangle). Pure: Electron's Rectangle and Display
 * shapes come in as plain values.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface DisplayArea {
  /** The whole screen. */
  readonly bounds: Rect;
  /** The screen minus menu bar, Dock, panels. */
  readonly workArea: Rect;
}

export interface PopoverPlacementInput {
  /** Tray.getBounds(); null or an empty rectangle where the platform gives none. */
  readonly trayBounds: Rect | null;
  readonly cursor: Point;
  readonly size: { readonly width: number; readonly height: number };
  readonly displays: readonly DisplayArea[];
  /** Gap between the icon and the popover, and the popover and the screen edge, px. */
  readonly margin?: number;
}

/** macOS leaves about this much space between a menu-bar extra and its panel (Control Center). */
const DEFAULT_MARGIN = 4;

const contains = (r: Rect, p: Point): boolean =>
  p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

function distanceSq(r: Rect, p: Point): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width - 1));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height - 1));
  return dx * dx + dy * dy;
}

/** The display containing p, else the nearest one (screen.getDisplayNearestPoint's rule). */
export function displayFor(displays: readonly DisplayArea[], p: Point): DisplayArea {
  const first = displays[0];
  if (first === undefined) throw new RangeError('displays: expected at least one display');
  const hit = displays.find((d) => contains(d.bounds, p));
  if (hit) return hit;
  let best = first;
  for (const d of displays) if (distanceSq(d.bounds, p) < distanceSq(best.bounds, p)) best = d;
  return best;
}

/** Keeps [start, start+length) inside [lo, hi); an oversized window sticks to lo. */
function clamp(start: number, length: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(start, hi - length));
}

const hasArea = (r: Rect | null): r is Rect =>
  r !== null && r.width > 0 && r.height > 0 && [r.x, r.y, r.width, r.height].every(Number.isFinite);

/** Top-left corner of the popover, in screen coordinates (DIP), rounded to whole pixels. */
export function popoverPosition(input: PopoverPlacementInput): Point {
  const { size, displays, cursor } = input;
  if (!(size.width > 0 && size.height > 0)) {
    throw new RangeError(`size: expected a positive width and height, got ${size.width}×${size.height}`);
  }
  const m = input.margin ?? DEFAULT_MARGIN;
  const tray = input.trayBounds;

  if (!hasArea(tray)) {
    // No icon to anchor to: open with a corner at the cursor, flipped to stay on screen.
    const area = displayFor(displays, cursor).workArea;
    const right = area.x + area.width;
    const bottom = area.y + area.height;
    const x = cursor.x + size.width + m <= right ? cursor.x + m : cursor.x - size.width - m;
    const y = cursor.y + size.height + m <= bottom ? cursor.y + m : cursor.y - size.height - m;
    return {
      x: Math.round(clamp(x, size.width, area.x + m, right - m)),
      y: Math.round(clamp(y, size.height, area.y + m, bottom - m)),
    };
  }

  const center = { x: tray.x + tray.width / 2, y: tray.y + tray.height / 2 };
  const { bounds, workArea: area } = displayFor(displays, center);
  const right = area.x + area.width;
  const bottom = area.y + area.height;

  // Which edge the icon's bar is on: the side of the work area the icon lies outside of, or when
  // it lies inside (auto-hidden bars), the nearer half of the screen.
  let edge: 'top' | 'bottom' | 'left' | 'right';
  if (center.y < area.y) edge = 'top';
  else if (center.y >= bottom) edge = 'bottom';
  else if (center.x < area.x) edge = 'left';
  else if (center.x >= right) edge = 'right';
  else edge = center.y < bounds.y + bounds.height / 2 ? 'top' : 'bottom';

  let x: number;
  let y: number;
  if (edge === 'top' || edge === 'bottom') {
    x = center.x - size.width / 2;
    y =
      edge === 'top'
        ? Math.max(tray.y + tray.height, area.y) + m
        : Math.min(tray.y, bottom) - size.height - m;
  } else {
    y = center.y - size.height / 2;
    x =
      edge === 'left' ? Math.max(tray.x + tray.width, area.x) + m : Math.min(tray.x, right) - size.width - m;
  }
  return {
    x: Math.round(clamp(x, size.width, area.x + m, right - m)),
    y: Math.round(clamp(y, size.height, area.y + m, bottom - m)),
  };
}
