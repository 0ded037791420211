// Detecting a menu-bar item macOS does not show (fake tray bounds and displays, fake timers).
import { describe, expect, it } from 'vitest';
import {
  SETTLE_MS,
  trayHiddenMessage,
  trayPlacement,
  watchTrayVisibility,
} from '../../../src/main/tray/visibility';
import type { DisplayLike, TrayHiddenMessage } from '../../../src/main/tray/visibility';

/** A 1512×982 pt notched MacBook display (37-pt menu bar) and a plain 1920×1080 one to its right. */
const notched: DisplayLike = {
  bounds: { x: 0, y: 0, width: 1512, height: 982 },
  workArea: { x: 0, y: 37, width: 1512, height: 945 },
};
const external: DisplayLike = {
  bounds: { x: 1512, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1512, y: 24, width: 1920, height: 1056 },
};
const item = (x: number, width = 36) => ({ x, y: 0, width, height: 24 });

describe('trayPlacement', () => {
  it('sees an item right of the notch, or anywhere on a display without one', () => {
    expect(trayPlacement(item(1200), [notched])).toBe('visible');
    expect(trayPlacement(item(1512 + 900), [notched, external])).toBe('visible');
  });

  it('reports empty bounds (macOS 26 "Allow in the Menu Bar" off) and bounds off every display', () => {
    expect(trayPlacement({ x: 0, y: 0, width: 0, height: 0 }, [notched])).toBe('no-bounds');
    expect(trayPlacement(item(-200), [notched])).toBe('off-screen');
    expect(trayPlacement({ x: 1200, y: 2000, width: 36, height: 24 }, [notched, external])).toBe(
      'off-screen',
    );
  });

  it('reports an item parked under the notch, though its coordinates are on screen', () => {
    // The notch band is centred: 636–876 on a 1512-pt display.
    expect(trayPlacement(item(740), [notched])).toBe('under-notch');
    // More than half still shows beside it: visible.
    expect(trayPlacement(item(860), [notched])).toBe('visible');
    // The same x on a display with a 24-pt menu bar has no notch.
    const plain = { ...notched, workArea: { ...notched.workArea, y: 24 } };
    expect(trayPlacement(item(740), [plain])).toBe('visible');
  });
});

describe('trayHiddenMessage', () => {
  it('explains the setting and the notch, and how to reach the app meanwhile', () => {
    const hidden = trayHiddenMessage('no-bounds');
    expect(hidden.detail).toContain('Allow in the Menu Bar');
    expect(hidden.detail).toContain('notch');
    expect(hidden.detail).toContain('dashboard');
    expect(trayHiddenMessage('under-notch').detail).not.toContain('Allow in the Menu Bar');
  });
});

function run(platform: NodeJS.Platform, bounds: () => ReturnType<typeof item>, choice = true) {
  const timers: { ms: number; run: () => void }[] = [];
  const shown: TrayHiddenMessage[] = [];
  let dashboards = 0;
  watchTrayVisibility({
    platform,
    trayBounds: bounds,
    displays: () => [notched],
    after: (ms, r) => void timers.push({ ms, run: r }),
    explain: async (text) => (shown.push(text), choice),
    openDashboard: () => void dashboards++,
    onError: (what, e) => {
      throw new Error(`${what}: ${String(e)}`);
    },
  });
  const tick = () => timers.shift()?.run();
  return { timers, shown, tick, dashboards: () => dashboards };
}

describe('watchTrayVisibility', () => {
  it('opens the window when the item is still hidden on the second look, and the dashboard if asked', async () => {
    const f = run('darwin', () => ({ x: 0, y: 0, width: 0, height: 0 }));
    expect(f.timers.map((t) => t.ms)).toEqual([SETTLE_MS]);
    f.tick();
    expect(f.shown).toEqual([]);
    f.tick();
    await new Promise((r) => setImmediate(r));
    expect(f.shown).toHaveLength(1);
    expect(f.dashboards()).toBe(1);
  });

  it('stays quiet when the item appears by the second look', async () => {
    let bounds = { x: 0, y: 0, width: 0, height: 0 };
    const f = run('darwin', () => bounds);
    f.tick();
    bounds = item(1200);
    f.tick();
    await new Promise((r) => setImmediate(r));
    expect(f.shown).toEqual([]);
  });

  it('does nothing on Linux, where trays report no bounds at all', () => {
    const f = run('linux', () => ({ x: 0, y: 0, width: 0, height: 0 }));
    expect(f.timers).toEqual([]);
  });
});
