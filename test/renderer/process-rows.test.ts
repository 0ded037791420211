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

describe('disk, GPU and power columns', () => {
  const extras = [
    { ...proc(1, 0, 'init', 1), diskReadBytesPerSec: 100, diskWriteBytesPerSec: 50, powerW: 0.5 },
    { ...proc(10, 1, 'game', 40), gpuPercent: 60, powerW: 4 },
    { ...proc(11, 10, 'helper', 2), diskWriteBytesPerSec: 1000, gpuPercent: 5 },
  ];
  const expanded = new Set([1, 10]);
  it('carry own values and subtree totals, and say when nothing was measured', () => {
    const rows = buildProcessRows(extras, { sort: 'gpu', descending: true, filter: '', expanded });
    const byPid = new Map(rows.map((r) => [r.pid, r]));
    expect(byPid.get(1)).toMatchObject({
      diskBytesPerSec: 150,
      subtreeDiskBytesPerSec: 1150,
      gpuPercent: undefined,
      subtreeGpuPercent: 65,
      powerW: 0.5,
      subtreePowerW: 4.5,
    });
    expect(byPid.get(10)).toMatchObject({ diskBytesPerSec: undefined, subtreeDiskBytesPerSec: 1000 });
  });
  it('sort by the subtree totals', () => {
    const rows = buildProcessRows([...extras, { ...proc(2, 0, 'idle', 0), powerW: 1 }], {
      sort: 'power',
      descending: true,
      filter: '',
      expanded: new Set(),
    });
    expect(rows.map((r) => r.pid)).toEqual([1, 2]);
    const ascending = buildProcessRows(
      [...extras, { ...proc(2, 0, 'idle', 0), diskWriteBytesPerSec: 5000 }],
      { sort: 'disk', descending: true, filter: '', expanded: new Set() },
    );
    expect(ascending.map((r) => r.pid)).toEqual([2, 1]);
  });
});
