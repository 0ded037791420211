import { describe, expect, it } from 'vitest';
import { buildProcessRows, rootPids } from '../../src/renderer/lib/process-rows';
import type { ProcessSample } from '../../src/shared/sample';
import { syntheticProcesses } from '../../e2e/support/synthetic-sample';

const proc = (pid: number, ppid: number, name: string, cpu: number, rss = 100): ProcessSample => ({
  pid,
  ppid,
  name,
  path: '',
  user: 'u',
  uid: 1,
  state: 'S',
  threads: 1,
  startTimeMs: pid,
  cpuTimeNs: 0,
  rssBytes: rss,
  virtualBytes: 0,
  kernelThread: false,
  cpuPercent: cpu,
});

const table = [
  proc(1, 0, 'init', 1),
  proc(10, 1, 'shell', 2),
  proc(11, 10, 'vim', 30),
  proc(12, 1, 'daemon', 5),
  proc(20, 99, 'orphan', 1),
  proc(30, 31, 'loop-a', 1),
  proc(31, 30, 'loop-b', 1),
];
const opts = { sort: 'cpu' as const, descending: true, filter: '', expanded: new Set([1, 10]) };

describe('process rows', () => {
  it('flattens through expanded pids with subtree totals, sorted by subtree CPU', () => {
    const rows = buildProcessRows(table, opts);
    const init = rows.find((r) => r.pid === 1)!;
    expect(init.subtreeCpu).toBe(38);
    expect(init.subtreeRssBytes).toBe(400);
    expect(rows.filter((r) => r.depth > 0).map((r) => r.pid)).toEqual([10, 11, 12]);
    expect(rows.find((r) => r.pid === 11)?.depth).toBe(2);
  });

  it('puts orphans and cut cycles at the root', () => {
    const roots = buildProcessRows(table, opts)
      .filter((r) => r.depth === 0)
      .map((r) => r.pid);
    // The cycle 30 ⇄ 31 is cut above its oldest member (the shared tree code's rule).
    expect(roots.sort((a, b) => a - b)).toEqual([1, 20, 30]);
    expect(rootPids(table).sort((a, b) => a - b)).toEqual([1, 20, 30]);
  });

  it('filters by name keeping ancestors open, and marks which rows matched', () => {
    const rows = buildProcessRows(table, { ...opts, filter: 'VIM', expanded: new Set() });
    expect(rows.map((r) => [r.pid, r.match])).toEqual([
      [1, false],
      [10, false],
      [11, true],
    ]);
  });

  it('sorts by name and pid', () => {
    const byName = buildProcessRows(table, { ...opts, sort: 'name', descending: false, expanded: new Set() });
    expect(byName.map((r) => r.name)).toEqual(['init', 'loop-a', 'orphan']);
    const byPid = buildProcessRows(table, { ...opts, sort: 'pid', descending: true, expanded: new Set() });
    expect(byPid.map((r) => r.pid)).toEqual([30, 20, 1]);
  });

  it('handles 5,000 processes fully expanded', () => {
    const procs = syntheticProcesses(5000, 0);
    const rows = buildProcessRows(procs, { ...opts, expanded: new Set(procs.map((p) => p.pid)) });
    expect(rows).toHaveLength(5000);
  });
});
