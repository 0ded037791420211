import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DisplayArea } from '../../../src/main/windows/popover-position';
import {
  fitBounds,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from '../../../src/main/windows/window-state';

const primary: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1512, height: 982 },
  workArea: { x: 0, y: 24, width: 1512, height: 958 },
};
const right: DisplayArea = {
  bounds: { x: 1512, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1512, y: 25, width: 1920, height: 1055 },
};

describe('fitBounds', () => {
  it('keeps saved bounds that are on a display', () => {
    const saved = { x: 1700, y: 100, width: 900, height: 600 };
    expect(fitBounds(saved, [primary, right], primary)).toEqual(saved);
  });
  it('centres on the primary display when the saved display is gone', () => {
    const saved = { x: 1700, y: 100, width: 900, height: 600 };
    expect(fitBounds(saved, [primary], primary)).toEqual({ x: 206, y: 143, width: 1100, height: 720 });
  });
  it('centres when only a sliver of the title bar would be reachable', () => {
    expect(fitBounds({ x: 1500, y: 100, width: 900, height: 600 }, [primary], primary).x).toBe(206);
  });
  it('grows a saved size below the minimum, and fits the default into a small screen', () => {
    expect(fitBounds({ x: 10, y: 30, width: 100, height: 100 }, [primary], primary)).toEqual({
      x: 10,
      y: 30,
      width: 640,
      height: 420,
    });
    const small: DisplayArea = {
      bounds: { x: 0, y: 0, width: 800, height: 600 },
      workArea: { x: 0, y: 0, width: 800, height: 600 },
    };
    expect(fitBounds(undefined, [small], small)).toEqual({ x: 0, y: 0, width: 800, height: 600 });
  });
});

describe('window state file', () => {
  it('round-trips and treats a malformed file as nothing saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-ws-'));
    try {
      expect(await loadWindowState(dir)).toBeUndefined();
      await saveWindowState(dir, { bounds: { x: 1, y: 2, width: 700, height: 500 }, maximized: true });
      expect(await loadWindowState(dir)).toEqual({
        bounds: { x: 1, y: 2, width: 700, height: 500 },
        maximized: true,
      });
      writeFileSync(join(dir, 'window-state.json'), '{"bounds":{"x":1');
      expect(await loadWindowState(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it.each([
    'null',
    '{}',
    '{"bounds":{"x":0,"y":0,"width":-1,"height":5}}',
    '{"bounds":{"x":0.5,"y":0,"width":1,"height":5}}',
  ])('rejects %s', (text) => {
    expect(parseWindowState(text)).toBeUndefined();
  });
});
