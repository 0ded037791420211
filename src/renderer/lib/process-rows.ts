/**
 * The rows the process tree draws: the forest sorted and filtered, flattened through the set of
 * expanded pids. Rows carry subtree totals (a parent's CPU includes its descendants').
 *
 * TODO(process-tree): the forest/totals/sort/filter part below stands in until H-derive's pure
 * src/shared/process-tree.ts lands; then only `flatten` stays here.
 */
import type { ProcessSample } from '../../shared/sample';
import type { ProcessSortKey } from '../store/types';

export interface ProcessRow {
  readonly key: string;
  readonly pid: number;
  readonly name: string;
  readonly depth: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** False for an ancestor shown only because a descendant matches the filter. */
  readonly match: boolean;
  readonly cpu: number;
  readonly rssBytes: number;
  readonly subtreeCpu: number;
  readonly subtreeRssBytes: number;
}

export interface RowOptions {
  readonly sort: ProcessSortKey;
  readonly descending: boolean;
  readonly filter: string;
  readonly expanded: ReadonlySet<number>;
}

interface Node {
  readonly p: ProcessSample;
  readonly children: Node[];
  subtreeCpu: number;
  subtreeRss: number;
  keep: boolean;
  match: boolean;
}

function forest(processes: readonly ProcessSample[]): Node[] {
  const byPid = new Map<number, Node>();
  for (const p of processes) {
    byPid.set(p.pid, { p, children: [], subtreeCpu: 0, subtreeRss: 0, keep: true, match: true });
  }
  const roots: Node[] = [];
  for (const node of byPid.values()) {
    // Walk up to detect a cycle (pid reuse); a node in a cycle or with no known parent is a root.
    let parent = node.p.ppid !== node.p.pid ? byPid.get(node.p.ppid) : undefined;
    const seen = new Set<number>([node.p.pid]);
    for (let up = parent; up; up = byPid.get(up.p.ppid)) {
      if (seen.has(up.p.pid)) {
        parent = undefined;
        break;
      }
      seen.add(up.p.pid);
      if (up.p.ppid === up.p.pid) break;
    }
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (n: Node): void => {
    n.subtreeCpu = n.p.cpuPercent ?? 0;
    n.subtreeRss = n.p.rssBytes;
    for (const c of n.children) {
      total(c);
      n.subtreeCpu += c.subtreeCpu;
      n.subtreeRss += c.subtreeRss;
    }
  };
  roots.forEach(total);
  return roots;
}

function comparator(sort: ProcessSortKey, descending: boolean): (a: Node, b: Node) => number {
  const dir = descending ? -1 : 1;
  switch (sort) {
    case 'cpu':
      return (a, b) => dir * (a.subtreeCpu - b.subtreeCpu) || a.p.pid - b.p.pid;
    case 'memory':
      return (a, b) => dir * (a.subtreeRss - b.subtreeRss) || a.p.pid - b.p.pid;
    case 'name':
      return (a, b) => dir * a.p.name.localeCompare(b.p.name) || a.p.pid - b.p.pid;
    case 'pid':
      return (a, b) => dir * (a.p.pid - b.p.pid);
  }
}

/** Marks matches and their ancestors; returns whether anything in this subtree is kept. */
function markFilter(n: Node, needle: string): boolean {
  n.match = needle === '' || n.p.name.toLowerCase().includes(needle);
  let below = false;
  for (const c of n.children) below = markFilter(c, needle) || below;
  n.keep = n.match || below;
  return n.keep;
}

export function buildProcessRows(processes: readonly ProcessSample[], options: RowOptions): ProcessRow[] {
  const roots = forest(processes);
  const needle = options.filter.trim().toLowerCase();
  for (const r of roots) markFilter(r, needle);
  const cmp = comparator(options.sort, options.descending);
  const rows: ProcessRow[] = [];
  const walk = (nodes: Node[], depth: number): void => {
    const kept = nodes.filter((n) => n.keep).sort(cmp);
    for (const n of kept) {
      const children = n.children.filter((c) => c.keep);
      // While filtering, every kept ancestor is open so the matches are visible.
      const expanded = children.length > 0 && (needle !== '' || options.expanded.has(n.p.pid));
      rows.push({
        key: `${n.p.pid}:${n.p.startTimeMs}`,
        pid: n.p.pid,
        name: n.p.name,
        depth,
        hasChildren: children.length > 0,
        expanded,
        match: n.match,
        cpu: n.p.cpuPercent ?? 0,
        rssBytes: n.p.rssBytes,
        subtreeCpu: n.subtreeCpu,
        subtreeRssBytes: n.subtreeRss,
      });
      if (expanded) walk(children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** Pids of the processes with no parent in the table: expanded by default. */
export function rootPids(processes: readonly ProcessSample[]): number[] {
  const pids = new Set(processes.map((p) => p.pid));
  return processes.filter((p) => !pids.has(p.ppid) || p.ppid === p.pid).map((p) => p.pid);
}
