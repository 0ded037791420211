import { describe, expect, it } from 'vitest';
import { createPopover } from '../../../src/main/windows/popover';
import type { PopoverWindowLike, ScreenLike } from '../../../src/main/windows/popover';

function fakeWindow() {
  let visible = false;
  let position: [number, number] = [0, 0];
  const handlers: Record<string, (...a: never[]) => void> = {};
  const win: PopoverWindowLike = {
    isVisible: () => visible,
    isDestroyed: () => false,
    show: () => void (visible = true),
    hide: () => void (visible = false),
    focus: () => undefined,
    setPosition: (x, y) => void (position = [x, y]),
    getSize: () => [360, 480],
    on: (event, listener) => void (handlers[event] = listener),
    webContents: { on: (event, listener) => void (handlers[event] = listener as never) },
  };
  const key = (k: string, type = 'keyDown') => {
    let prevented = false;
    (handlers['before-input-event'] as unknown as (e: unknown, i: unknown) => void)(
      { preventDefault: () => (prevented = true) },
      { type, key: k },
    );
    return prevented;
  };
  return {
    win,
    visible: () => visible,
    position: () => position,
    blur: () => (handlers['blur'] as () => void)(),
    key,
  };
}

const screen: ScreenLike = {
  getAllDisplays: () => [
    { bounds: { x: 0, y: 0, width: 1512, height: 982 }, workArea: { x: 0, y: 24, width: 1512, height: 958 } },
  ],
  getCursorScreenPoint: () => ({ x: 100, y: 500 }),
};
const tray = { x: 1000, y: 0, width: 30, height: 24 };

describe('popover', () => {
  it('toggles open under the tray icon and closed again', () => {
    let t = 0;
    const f = fakeWindow();
    const p = createPopover(f.win, screen, () => t);
    p.toggle(tray);
    expect(f.visible()).toBe(true);
    expect(f.position()).toEqual([835, 28]);
    t += 5000;
    p.toggle(tray);
    expect(f.visible()).toBe(false);
  });

  it('opens near the cursor when the tray has no bounds', () => {
    const f = fakeWindow();
    createPopover(f.win, screen, () => 0).toggle(null);
    // 500 + 480 would run past the bottom (982), so it flips above the cursor, then stays under the menu bar.
    expect(f.position()).toEqual([104, 28]);
  });

  it('hides on blur, and the tray click of the same gesture does not reopen it', () => {
    let t = 1000;
    const f = fakeWindow();
    const p = createPopover(f.win, screen, () => t);
    p.toggle(tray);
    t += 2000;
    f.blur();
    expect(f.visible()).toBe(false);
    t += 50;
    p.toggle(tray);
    expect(f.visible()).toBe(false);
    t += 1000;
    p.toggle(tray);
    expect(f.visible()).toBe(true);
  });

  it('hides on Escape and ignores other keys', () => {
    const f = fakeWindow();
    const p = createPopover(f.win, screen, () => 0);
    p.show(tray);
    expect(f.key('a')).toBe(false);
    expect(f.key('Escape', 'keyUp')).toBe(false);
    expect(f.visible()).toBe(true);
    expect(f.key('Escape')).toBe(true);
    expect(f.visible()).toBe(false);
  });
});
