import { describe, expect, it } from 'vitest';
import { treeKeyTarget } from '../../src/renderer/views/dashboard/process-tree';

// init ▾ (0)
//   sshd ▸ (1, collapsed)
//   bash ▾ (2)
//     vim (3)
// kthreadd (4)
const rows = [
  { depth: 0, hasChildren: true, expanded: true },
  { depth: 1, hasChildren: true, expanded: false },
  { depth: 1, hasChildren: true, expanded: true },
  { depth: 2, hasChildren: false, expanded: false },
  { depth: 0, hasChildren: false, expanded: false },
];

describe('process tree keys (WAI-ARIA tree pattern)', () => {
  it('moves up and down, by page, and to either end, staying inside the list', () => {
    expect(treeKeyTarget('ArrowDown', rows, 0)).toBe(1);
    expect(treeKeyTarget('ArrowDown', rows, 4)).toBe(4);
    expect(treeKeyTarget('ArrowUp', rows, 0)).toBe(0);
    expect(treeKeyTarget('PageDown', rows, 0)).toBe(4);
    expect(treeKeyTarget('PageUp', rows, 4)).toBe(0);
    expect(treeKeyTarget('Home', rows, 3)).toBe(0);
    expect(treeKeyTarget('End', rows, 0)).toBe(4);
  });

  it('starts at the first row (or the last for End) when no row is active', () => {
    expect(treeKeyTarget('ArrowDown', rows, -1)).toBe(0);
    expect(treeKeyTarget('End', rows, -1)).toBe(4);
    expect(treeKeyTarget('ArrowDown', [], -1)).toBeUndefined();
  });

  it('expands a collapsed row with →, enters an expanded one, and ignores → on a leaf', () => {
    expect(treeKeyTarget('ArrowRight', rows, 1)).toBe('toggle');
    expect(treeKeyTarget('ArrowRight', rows, 2)).toBe(3);
    expect(treeKeyTarget('ArrowRight', rows, 3)).toBeUndefined();
  });

  it('collapses an expanded row with ←, otherwise goes to the parent', () => {
    expect(treeKeyTarget('ArrowLeft', rows, 2)).toBe('toggle');
    expect(treeKeyTarget('ArrowLeft', rows, 3)).toBe(2);
    expect(treeKeyTarget('ArrowLeft', rows, 1)).toBe(0);
    expect(treeKeyTarget('ArrowLeft', rows, 4)).toBeUndefined();
  });

  it('toggles with Enter or Space only where there is something to toggle, and ignores other keys', () => {
    expect(treeKeyTarget('Enter', rows, 0)).toBe('toggle');
    expect(treeKeyTarget(' ', rows, 3)).toBeUndefined();
    expect(treeKeyTarget('a', rows, 0)).toBeUndefined();
  });
});
