import { describe, expect, it } from 'vitest';
import { displayFor, popoverPosition } from '../../../src/main/windows/popover-position';
import type { DisplayArea } from '../../../src/main/windows/popover-position';

// A 1512×982 MacBook screen with a 24 px menu bar (workArea starts below it), and a 2560×1440
// external display to its right whose own menu bar is 25 px.
const laptop: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1512, height: 982 },
  workArea: { x: 0, y: 24, width: 1512, height: 958 },
};
const external: DisplayArea = {
  bounds: { x: 1512, y: -200, width: 2560, height: 1440 },
  workArea: { x: 1512, y: -175, width: 2560, height: 1415 },
};
// A Linux desktop with a 40 px panel at the bottom.
const bottomPanel: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
// A vertical panel on the left (48 px).
const leftPanel: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 48, y: 0, width: 1872, height: 1080 },
};
const size = { width: 360, height: 480 };
const nowhere = { x: 0, y: 0 };

describe('popoverPosition with tray bounds', () => {
  it('centres the popover under an icon in the middle of the menu bar', () => {
    const p = popoverPosition({
      trayBounds: { x: 1000, y: 0, width: 30, height: 24 },
      cursor: nowhere,
      size,
      displays: [laptop],
    });
    expect(p).toEqual({ x: 1015 - 180, y: 24 + 4 });
  });

  it('keeps the popover on screen when the icon sits at the right edge', () => {
    const p = popoverPosition({
      trayBounds: { x: 1490, y: 0, width: 22, height: 24 },
      cursor: nowhere,
      size,
      displays: [laptop],
    });
    expect(p).toEqual({ x: 1512 - 360 - 4, y: 28 });
  });

  it('keeps the popover on screen when the icon sits at the left edge', () => {
    const p = popoverPosition({
      trayBounds: { x: 2, y: 0, width: 22, height: 24 },
      cursor: nowhere,
      size,
      displays: [laptop],
    });
    expect(p.x).toBe(4);
  });

  it('opens on the display that holds the icon, with that display’s menu bar', () => {
    const p = popoverPosition({
      trayBounds: { x: 3900, y: -200, width: 24, height: 25 },
      cursor: nowhere,
      size,
      displays: [laptop, external],
    });
    expect(p.y).toBe(-175 + 4);
    expect(p.x).toBe(1512 + 2560 - 360 - 4);
    expect(p.x).toBeGreaterThan(1512);
  });

  it('opens above an icon in a bottom panel', () => {
    const p = popoverPosition({
      trayBounds: { x: 1800, y: 1048, width: 24, height: 24 },
      cursor: nowhere,
      size,
      displays: [bottomPanel],
    });
    // Centred would overflow the right edge (1812 + 180 > 1920), so it is pulled back in.
    expect(p).toEqual({ x: 1920 - 360 - 4, y: 1040 - 480 - 4 });
  });

  it('opens beside an icon in a vertical panel', () => {
    const p = popoverPosition({
      trayBounds: { x: 12, y: 500, width: 24, height: 24 },
      cursor: nowhere,
      size,
      displays: [leftPanel],
    });
    expect(p).toEqual({ x: 48 + 4, y: 512 - 240 });
  });

  it('sticks to the work area’s corner when the popover is larger than the screen', () => {
    const tiny: DisplayArea = {
      bounds: { x: 0, y: 0, width: 300, height: 400 },
      workArea: { x: 0, y: 20, width: 300, height: 380 },
    };
    const p = popoverPosition({
      trayBounds: { x: 100, y: 0, width: 20, height: 20 },
      cursor: nowhere,
      size,
      displays: [tiny],
    });
    expect(p).toEqual({ x: 4, y: 24 });
  });
});

describe('popoverPosition without tray bounds', () => {
  it.each([null, { x: 0, y: 0, width: 0, height: 0 }])(
    'opens at the cursor when bounds are %j',
    (trayBounds) => {
      const p = popoverPosition({ trayBounds, cursor: { x: 200, y: 300 }, size, displays: [bottomPanel] });
      expect(p).toEqual({ x: 204, y: 304 });
    },
  );

  it('flips up and left near the bottom-right corner', () => {
    const p = popoverPosition({
      trayBounds: null,
      cursor: { x: 1900, y: 1060 },
      size,
      displays: [bottomPanel],
    });
    expect(p).toEqual({ x: 1900 - 360 - 4, y: 1040 - 480 - 4 });
  });

  it('uses the display under the cursor', () => {
    const p = popoverPosition({
      trayBounds: null,
      cursor: { x: 2000, y: 0 },
      size,
      displays: [laptop, external],
    });
    expect(p).toEqual({ x: 2004, y: 4 });
  });
});

describe('arguments', () => {
  it('rejects an empty display list and a zero size', () => {
    expect(() => displayFor([], nowhere)).toThrow(/displays/);
    expect(() =>
      popoverPosition({
        trayBounds: null,
        cursor: nowhere,
        size: { width: 0, height: 10 },
        displays: [laptop],
      }),
    ).toThrow(/size/);
  });
  it('picks the nearest display for a point outside all of them', () => {
    expect(displayFor([laptop, external], { x: 5000, y: 0 })).toBe(external);
    expect(displayFor([laptop, external], { x: -50, y: 500 })).toBe(laptop);
  });
});
