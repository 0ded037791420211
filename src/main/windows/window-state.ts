/**
 * The dashboard remembers its size and position (userData/window-state.json). A saved rectangle is
 * used only if it is still reachable: a display was unplugged, or the resolution changed, and a
 * window restored off-screen could not be dragged back. Otherwise it is centred on the primary display.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DisplayArea, Rect } from './popover-position';
import { writeFileAtomic } from '../../core/files';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** Smallest dashboard that still shows a chart and the section list. */
export const MIN_SIZE = { width: 640, height: 420 } as const;
export const DEFAULT_SIZE = { width: 1100, height: 720 } as const;
/** How much of the top edge must lie on a display for the user to grab it (px). */
const GRAB = 80;

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const r = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return r > x && bottom > y ? { x, y, width: r - x, height: bottom - y } : null;
}

/** The bounds to open with: the saved ones when their title strip is reachable, else centred. */
export function fitBounds(
  saved: Rect | undefined,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): Rect {
  if (saved) {
    const width = Math.max(MIN_SIZE.width, saved.width);
    const height = Math.max(MIN_SIZE.height, saved.height);
    const titleStrip = { x: saved.x, y: saved.y, width, height: 30 };
    const reachable = displays.some(
      (d) => (overlap(titleStrip, d.workArea)?.width ?? 0) >= Math.min(GRAB, width),
    );
    if (reachable) return { x: saved.x, y: saved.y, width, height };
  }
  const area = primary.workArea;
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e6;

/** Parses the file; anything malformed reads as "nothing saved" (a lost window size is harmless). */
export function parseWindowState(text: string): WindowState | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { bounds, maximized } = v as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return undefined;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0)
    return undefined;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

export async function loadWindowState(dir: string): Promise<WindowState | undefined> {
  try {
    return parseWindowState(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

export function saveWindowState(dir: string, state: WindowState): Promise<void> {
  return writeFileAtomic(join(dir, WINDOW_STATE_FILE), `${JSON.stringify(state)}\n`);
}
