import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProcessTree, flattenProcessTree, type TreeProcess } from '../../src/shared/process-tree';
import { filterProcessTree, sortProcessTree } from '../../src/shared/process-tree-view';

type Extra = { [K in keyof TreeProcess]?: TreeProcess[K] | undefined };

/** A row; `cpuPercent: undefined` stands for a process whose CPU % is not known yet. */
function proc(pid: number, ppid: number, extra: Extra = {}): TreeProcess {
  return {
    pid,
    ppid,
    name: `p${pid}`,
    startTimeMs: 1000 + pid,
    rssBytes: 100,
    cpuPercent: 1,
    memPercent: 0.5,
    ...extra,
  } as TreeProcess;
}

const pids = (nodes: readonly { process: TreeProcess }[]) => nodes.map((n) => n.process.pid);

describe('buildProcessTree', () => {
  it('builds parent/child links, depths and subtree totals', () => {
    const f = buildProcessTree([
      proc(1, 0),
      proc(2, 1),
      proc(3, 2, { cpuPercent: 50 }),
      proc(4, 1, { cpuPercent: undefined }),
    ]);
    expect(pids(f.roots)).toEqual([1]);
    const root = f.roots[0];
    expect(root?.descendantCount).toBe(3);
    expect(root?.totalCpuPercent).toBe(52); // undefined counts as 0
    expect(root?.totalRssBytes).toBe(400);
    expect(root?.children[0]?.totalCpuPercent).toBe(51);
    expect(root?.children[0]?.children[0]?.depth).toBe(2);
    expect(f.size).toBe(4);
  });

  it('attaches orphans to the root level and marks them', () => {
    const f = buildProcessTree([proc(1, 0), proc(50, 49), proc(51, 50)]);
    expect(pids(f.roots)).toEqual([1, 50]);
    expect(f.roots[1]?.orphan).toBe(true);
    expect(f.roots[0]?.orphan).toBe(false);
    expect(pids(f.roots[1]?.children ?? [])).toEqual([51]);
  });

  it('drops a link to a "parent" that started after its child (a reused pid)', () => {
    const f = buildProcessTree([
      proc(1, 0),
      proc(7, 1, { startTimeMs: 9000 }),
      proc(8, 7, { startTimeMs: 5000 }),
    ]);
    expect(pids(f.roots)).toEqual([1, 8]);
    expect(f.roots[1]?.orphan).toBe(true);
  });

  it('breaks cycles above their oldest member, and keeps every process exactly once', () => {
    // 10 → 11 → 12 → 10 with equal start times (no ordering evidence): the lowest pid becomes the root.
    const f = buildProcessTree([
      proc(10, 12, { startTimeMs: 5 }),
      proc(11, 10, { startTimeMs: 5 }),
      proc(12, 11, { startTimeMs: 5 }),
    ]);
    expect(pids(f.roots)).toEqual([10]);
    expect(pids(flattenProcessTree(f))).toEqual([10, 11, 12]);
    const self = buildProcessTree([proc(0, 0), proc(5, 5)]);
    expect(pids(self.roots)).toEqual([0, 5]);
  });

  it('never loses or duplicates a process, whatever the pid/ppid soup', () => {
    const row = fc.record({
      pid: fc.integer({ min: 0, max: 40 }),
      ppid: fc.integer({ min: -1, max: 40 }),
      startTimeMs: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const list = rows.map((r) => proc(r.pid, r.ppid, { startTimeMs: r.startTimeMs }));
        const f = buildProcessTree(list);
        const flat = flattenProcessTree(f);
        expect(flat.length).toBe(list.length);
        expect(new Set(flat.map((n) => n.process)).size).toBe(list.length);
        for (const root of f.roots)
          expect(root.descendantCount + 1).toBe(flattenProcessTree({ roots: [root], size: 0 }).length);
      }),
    );
  });

  it('handles 10,000 rows, including a 10,000-deep chain, without recursion limits', () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => proc(i + 1, i === 0 ? 0 : 1 + Math.floor(i / 7)));
    const f = buildProcessTree(wide);
    expect(f.roots[0]?.descendantCount).toBe(9_999);
    const chain = Array.from({ length: 10_000 }, (_, i) => proc(i + 1, i));
    const c = buildProcessTree(chain);
    expect(c.roots[0]?.descendantCount).toBe(9_999);
    expect(flattenProcessTree(c).at(-1)?.depth).toBe(9_999);
    expect(sortProcessTree(c, { column: 'name' }).size).toBe(10_000);
    expect(filterProcessTree(c, 'p10000').size).toBe(10_000);
  });
});

describe('sortProcessTree', () => {
  const f = buildProcessTree([
    proc(1, 0),
    proc(2, 1, { cpuPercent: 5, name: 'beta' }),
    proc(3, 1, { cpuPercent: 30, name: 'Alpha' }),
    proc(4, 1, { cpuPercent: undefined, name: 'gamma' }),
    proc(5, 2, { cpuPercent: 90 }),
  ]);
  const kids = (forest: typeof f) => pids(forest.roots[0]?.children ?? []);

  it('sorts siblings by a column, missing values last', () => {
    expect(kids(sortProcessTree(f, { column: 'cpu' }))).toEqual([3, 2, 4]);
    expect(kids(sortProcessTree(f, { column: 'cpuPercent', direction: 'asc' }))).toEqual([2, 3, 4]);
  });

  it('sorts by subtree totals, names (case-insensitively) and pid', () => {
    expect(kids(sortProcessTree(f, { column: 'totalCpuPercent' }))).toEqual([2, 3, 4]);
    expect(kids(sortProcessTree(f, { column: 'name', direction: 'asc' }))).toEqual([3, 2, 4]);
    expect(kids(sortProcessTree(f, { column: 'pid', direction: 'desc' }))).toEqual([4, 3, 2]);
  });

  it('leaves the input forest untouched and rejects a bad direction', () => {
    sortProcessTree(f, { column: 'cpu' });
    expect(kids(f)).toEqual([2, 3, 4]);
    expect(() => sortProcessTree(f, { column: 'cpu', direction: 'up' as 'asc' })).toThrow(/direction/);
  });
});

describe('filterProcessTree', () => {
  const f = buildProcessTree([
    proc(1, 0, { name: 'launchd' }),
    proc(2, 1, { name: 'Terminal' }),
    proc(3, 2, { name: 'zsh' }),
    proc(4, 3, { name: 'node' }),
    proc(5, 1, { name: 'Finder' }),
    proc(6, 99, { name: 'nodeworker' }),
  ]);

  it('keeps matches with their ancestors, and reports the matches', () => {
    const r = filterProcessTree(f, 'NODE');
    expect(pids(flattenProcessTree(r))).toEqual([1, 2, 3, 4, 6]);
    expect([...r.matches].sort()).toEqual([4, 6]);
    expect(r.size).toBe(5);
    expect(r.roots[0]?.totalRssBytes).toBe(500); // totals still describe the whole subtree
  });

  it('keeps everything for an empty query and nothing for no match', () => {
    expect(filterProcessTree(f, '  ').size).toBe(6);
    expect(filterProcessTree(f, 'nothing-matches').roots).toEqual([]);
    expect(filterProcessTree(f, (p) => p.pid === 5).size).toBe(2);
  });

  it('hides the children of collapsed rows when flattening', () => {
    expect(pids(flattenProcessTree(f, new Set([2])))).toEqual([1, 2, 5, 6]);
  });
});
