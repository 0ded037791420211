/**
 * The rows the process tree draws. Forest, subtree totals, sorting and the name filter (ancestors
 * kept) are the shared pure tree code (src/shared/process-tree*.ts); this file only flattens the
 * result through the set of expanded pids, the one piece of state that is the view's own.
 */
import { buildProcessTree, type ProcessNode } from '../../shared/process-tree';
import { filterProcessTree, sortProcessTree, type SortColumn } from '../../shared/process-tree-view';
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
  /** Own and subtree disk read + write bytes/s, GPU % and power W (undefined: not measured). */
  readonly diskBytesPerSec: number | undefined;
  readonly subtreeDiskBytesPerSec: number;
  readonly gpuPercent: number | undefined;
  readonly subtreeGpuPercent: number;
  readonly powerW: number | undefined;
  readonly subtreePowerW: number;
}

export interface RowOptions {
  readonly sort: ProcessSortKey;
  readonly descending: boolean;
  readonly filter: string;
  readonly expanded: ReadonlySet<number>;
}

/** The numeric columns sort by subtree totals: the numbers the rows show. */
const SORT_COLUMN: Readonly<Record<ProcessSortKey, SortColumn<ProcessSample>>> = {
  cpu: 'totalCpuPercent',
  memory: 'totalRssBytes',
  disk: 'totalDiskBytesPerSec',
  gpu: 'totalGpuPercent',
  power: 'totalPowerW',
  name: 'name',
  pid: 'pid',
};

/** Read plus write bytes/s; undefined when neither was measured (processIo not sampled or denied). */
function diskRate(p: ProcessSample): number | undefined {
  if (p.diskReadBytesPerSec === undefined && p.diskWriteBytesPerSec === undefined) return undefined;
  return (p.diskReadBytesPerSec ?? 0) + (p.diskWriteBytesPerSec ?? 0);
}

export function buildProcessRows(processes: readonly ProcessSample[], options: RowOptions): ProcessRow[] {
  const filtering = options.filter.trim() !== '';
  const tree = buildProcessTree(processes);
  // An empty filter keeps everything: skip the pass (it walks every node).
  const filtered = filtering
    ? filterProcessTree(tree, options.filter)
    : { ...tree, matches: new Set<number>() };
  const forest = sortProcessTree(filtered, {
    column: SORT_COLUMN[options.sort],
    direction: options.descending ? 'desc' : 'asc',
  });
  const rows: ProcessRow[] = [];
  // Pre-order walk with an explicit stack: a chain thousands deep must not overflow the call stack.
  const stack: ProcessNode<ProcessSample>[] = [...forest.roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as ProcessNode<ProcessSample>;
    const p = node.process;
    const hasChildren = node.children.length > 0;
    // While filtering, every kept ancestor is open so that the matches are visible.
    const expanded = hasChildren && (filtering || options.expanded.has(p.pid));
    rows.push({
      key: `${p.pid}:${p.startTimeMs}`,
      pid: p.pid,
      name: p.name,
      depth: node.depth,
      hasChildren,
      expanded,
      match: !filtering || filtered.matches.has(p.pid),
      cpu: p.cpuPercent ?? 0,
      rssBytes: p.rssBytes,
      subtreeCpu: node.totalCpuPercent,
      subtreeRssBytes: node.totalRssBytes,
      diskBytesPerSec: diskRate(p),
      subtreeDiskBytesPerSec: node.totalDiskBytesPerSec,
      gpuPercent: p.gpuPercent,
      subtreeGpuPercent: node.totalGpuPercent,
      powerW: p.powerW,
      subtreePowerW: node.totalPowerW,
    });
    if (expanded)
      for (let i = node.children.length - 1; i >= 0; i -= 1)
        stack.push(node.children[i] as ProcessNode<ProcessSample>);
  }
  return rows;
}

/** Pids of the roots of the forest: expanded by default so the tree opens on its first level. */
export function rootPids(processes: readonly ProcessSample[]): number[] {
  return buildProcessTree(processes).roots.map((n) => n.process.pid);
}
