/**
 * The process tree: a forest built from pid/ppid, with subtree totals, sorting and a name filter
 * that keeps ancestors. Pure data code (no DOM, no Node) so that the renderer's tree view and the
 * CLI share it (DESIGN.md §3, issue 5 "Process tree").
 *
 * Parent links that cannot be true are dropped, and the process becomes a root marked `orphan`:
 * - the parent pid is not in the table (it exited; or it is hidden from us),
 * - the "parent" started after the child: the pid was reused by a newer process,
 * - the links form a cycle (pid reuse again; a cycle can only come from stale pids). The link cut is
 *   the one above the cycle's oldest member, the most likely true ancestor.
 * Orphans are attached to the root level of the forest, where init/launchd's direct children live.
 */

/** What the tree needs of a process; ProcessSample (shared/sample.ts) has all of it. */
export interface TreeProcess {
  readonly pid: number;
  readonly ppid: number;
  readonly name: string;
  readonly startTimeMs: number;
  readonly cpuPercent?: number;
  readonly memPercent?: number;
  readonly rssBytes: number;
  readonly diskReadBytesPerSec?: number;
  readonly diskWriteBytesPerSec?: number;
  readonly gpuPercent?: number;
  readonly powerW?: number;
}

export interface ProcessNode<P extends TreeProcess = TreeProcess> {
  readonly process: P;
  readonly children: readonly ProcessNode<P>[];
  /** 0 for roots. */
  readonly depth: number;
  /** This process plus all its descendants (an unknown CPU % counts as 0). */
  readonly totalCpuPercent: number;
  readonly totalMemPercent: number;
  readonly totalRssBytes: number;
  /** Disk bytes read plus written per second, this process and its descendants. */
  readonly totalDiskBytesPerSec: number;
  readonly totalGpuPercent: number;
  readonly totalPowerW: number;
  readonly descendantCount: number;
  /** True when the process's parent link was dropped (see the file comment). */
  readonly orphan: boolean;
}

export interface ProcessForest<P extends TreeProcess = TreeProcess> {
  readonly roots: readonly ProcessNode<P>[];
  /** Number of nodes in the forest. */
  readonly size: number;
}

type MutableNode<P extends TreeProcess> = {
  -readonly [K in keyof ProcessNode<P>]: K extends 'children' ? MutableNode<P>[] : ProcessNode<P>[K];
};

/** A child cannot start before its parent; this much slack absorbs start-time rounding (10 ms jiffies). */
const START_SLACK_MS = 20;

function finite(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) ? n : 0;
}

/** Parent index of each row after dropping impossible links; -1 for roots. */
function parentLinks<P extends TreeProcess>(rows: readonly P[]): { parent: Int32Array; orphan: Uint8Array } {
  const n = rows.length;
  const byPid = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const pid = (rows[i] as P).pid;
    if (!byPid.has(pid)) byPid.set(pid, i);
  }
  const parent = new Int32Array(n).fill(-1);
  const orphan = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as P;
    const j = byPid.get(row.ppid);
    if (row.ppid === row.pid || row.ppid <= 0) continue; // a root by its own account (pid 1, kernel_task)
    if (j === undefined || j === i) {
      orphan[i] = 1;
      continue;
    }
    const ps = (rows[j] as P).startTimeMs;
    if (Number.isFinite(ps) && Number.isFinite(row.startTimeMs) && ps > row.startTimeMs + START_SLACK_MS) {
      orphan[i] = 1;
      continue;
    }
    parent[i] = j;
  }
  breakCycles(rows, parent, orphan);
  return { parent, orphan };
}

function breakCycles<P extends TreeProcess>(
  rows: readonly P[],
  parent: Int32Array,
  orphan: Uint8Array,
): void {
  const state = new Uint8Array(rows.length); // 0 new, 1 on the current path, 2 done
  const path: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (state[i] !== 0) continue;
    path.length = 0;
    let j = i;
    while (j !== -1 && state[j] === 0) {
      state[j] = 1;
      path.push(j);
      j = parent[j] ?? -1;
    }
    if (j !== -1 && state[j] === 1) {
      // j is on a cycle: find its oldest member (ties: lowest pid) and cut the link above it.
      let cut = j;
      for (let k = parent[j] ?? -1; k !== j && k !== -1; k = parent[k] ?? -1) {
        const a = rows[k] as P;
        const b = rows[cut] as P;
        if (a.startTimeMs < b.startTimeMs || (a.startTimeMs === b.startTimeMs && a.pid < b.pid)) cut = k;
      }
      parent[cut] = -1;
      orphan[cut] = 1;
    }
    for (const k of path) state[k] = 2;
  }
}

/** Builds the forest. Rows keep their input order among siblings until sorted. */
export function buildProcessTree<P extends TreeProcess>(processes: readonly P[]): ProcessForest<P> {
  if (!Array.isArray(processes)) throw new TypeError('buildProcessTree: processes must be an array');
  const n = processes.length;
  const { parent, orphan } = parentLinks(processes);
  const nodes: MutableNode<P>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = processes[i] as P;
    nodes[i] = {
      process: p,
      children: [],
      depth: 0,
      totalCpuPercent: finite(p.cpuPercent),
      totalMemPercent: finite(p.memPercent),
      totalRssBytes: finite(p.rssBytes),
      totalDiskBytesPerSec: finite(p.diskReadBytesPerSec) + finite(p.diskWriteBytesPerSec),
      totalGpuPercent: finite(p.gpuPercent),
      totalPowerW: finite(p.powerW),
      descendantCount: 0,
      orphan: orphan[i] === 1,
    };
  }
  const roots: MutableNode<P>[] = [];
  for (let i = 0; i < n; i++) {
    const j = parent[i] ?? -1;
    if (j === -1) roots.push(nodes[i] as MutableNode<P>);
    else (nodes[j] as MutableNode<P>).children.push(nodes[i] as MutableNode<P>);
  }
  // Breadth-first order gives depths; its reverse visits children before parents for the totals.
  const order: MutableNode<P>[] = [...roots];
  for (let k = 0; k < order.length; k++) {
    const node = order[k] as MutableNode<P>;
    for (const child of node.children) {
      child.depth = node.depth + 1;
      order.push(child);
    }
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k] as MutableNode<P>;
    for (const child of node.children) {
      node.totalCpuPercent += child.totalCpuPercent;
      node.totalMemPercent += child.totalMemPercent;
      node.totalRssBytes += child.totalRssBytes;
      node.totalDiskBytesPerSec += child.totalDiskBytesPerSec;
      node.totalGpuPercent += child.totalGpuPercent;
      node.totalPowerW += child.totalPowerW;
      node.descendantCount += child.descendantCount + 1;
    }
  }
  return { roots, size: n };
}

/** Pre-order list of the visible rows: the children of a collapsed pid are skipped. */
export function flattenProcessTree<P extends TreeProcess>(
  forest: ProcessForest<P>,
  collapsed: ReadonlySet<number> = new Set(),
): ProcessNode<P>[] {
  const out: ProcessNode<P>[] = [];
  const stack: ProcessNode<P>[] = [];
  for (let i = forest.roots.length - 1; i >= 0; i--) stack.push(forest.roots[i] as ProcessNode<P>);
  while (stack.length > 0) {
    const node = stack.pop() as ProcessNode<P>;
    out.push(node);
    if (collapsed.has(node.process.pid)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ProcessNode<P>);
  }
  return out;
}
