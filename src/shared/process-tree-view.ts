/** Sorting and filtering a process forest (see process-tree.ts). Both return a new forest. */
import type { ProcessForest, ProcessNode, TreeProcess } from './process-tree';

/** Subtree totals a forest can also be sorted by. */
export type TreeTotalColumn =
  | 'totalCpuPercent'
  | 'totalMemPercent'
  | 'totalRssBytes'
  | 'totalDiskBytesPerSec'
  | 'totalGpuPercent'
  | 'totalPowerW'
  | 'descendantCount';

/** Short names for the usual columns; any other field of the process row may be named directly. */
export const SORT_ALIASES = {
  cpu: 'cpuPercent',
  mem: 'memPercent',
  rss: 'rssBytes',
  start: 'startTimeMs',
} as const;

export type SortColumn<P extends TreeProcess> =
  (keyof P & string) | keyof typeof SORT_ALIASES | TreeTotalColumn;

export interface SortOptions<P extends TreeProcess> {
  readonly column: SortColumn<P>;
  readonly direction?: 'asc' | 'desc';
}

const TOTALS: ReadonlySet<string> = new Set([
  'totalCpuPercent',
  'totalMemPercent',
  'totalRssBytes',
  'totalDiskBytesPerSec',
  'totalGpuPercent',
  'totalPowerW',
  'descendantCount',
]);
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type Value = number | string | boolean | undefined;

function valueGetter<P extends TreeProcess>(column: string): (node: ProcessNode<P>) => Value {
  if (TOTALS.has(column)) return (node) => node[column as TreeTotalColumn];
  const field = (SORT_ALIASES as Record<string, string>)[column] ?? column;
  return (node) => (node.process as unknown as Record<string, Value>)[field];
}

/**
 * Rebuilds a forest bottom-up without recursion (a chain of thousands of processes must not
 * overflow the stack): `make` gets each node with its already rebuilt children, `unchanged` when
 * those are the very same child nodes, and returns the new node or undefined to drop it.
 */
function rebuild<P extends TreeProcess>(
  roots: readonly ProcessNode<P>[],
  make: (node: ProcessNode<P>, children: ProcessNode<P>[], unchanged: boolean) => ProcessNode<P> | undefined,
): ProcessNode<P>[] {
  // Breadth-first order puts the children of order[k] at order[first[k]] … contiguously, so the
  // rebuilt children are found by position, without a lookup table.
  const order: ProcessNode<P>[] = roots.slice();
  const first: number[] = [];
  for (let k = 0; k < order.length; k++) {
    first.push(order.length);
    for (const child of (order[k] as ProcessNode<P>).children) order.push(child);
  }
  const made = new Array<ProcessNode<P> | undefined>(order.length);
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k] as ProcessNode<P>;
    const from = first[k] as number;
    const children: ProcessNode<P>[] = [];
    let unchanged = true;
    for (let c = 0; c < node.children.length; c++) {
      const next = made[from + c];
      if (next !== node.children[c]) unchanged = false;
      if (next !== undefined) children.push(next);
    }
    made[k] = make(node, children, unchanged);
  }
  const out: ProcessNode<P>[] = [];
  for (let k = 0; k < roots.length; k++) {
    const next = made[k];
    if (next !== undefined) out.push(next);
  }
  return out;
}

/** A copy of `node` with other children (an explicit literal: cheaper than a spread in hot loops). */
function withChildren<P extends TreeProcess>(
  node: ProcessNode<P>,
  children: ProcessNode<P>[],
): ProcessNode<P> {
  return {
    process: node.process,
    children,
    depth: node.depth,
    totalCpuPercent: node.totalCpuPercent,
    totalMemPercent: node.totalMemPercent,
    totalRssBytes: node.totalRssBytes,
    totalDiskBytesPerSec: node.totalDiskBytesPerSec,
    totalGpuPercent: node.totalGpuPercent,
    totalPowerW: node.totalPowerW,
    descendantCount: node.descendantCount,
    orphan: node.orphan,
  };
}

/** Missing values (undefined, NaN) sort last in both directions; ties keep pid order. */
function compare(a: Value, b: Value, sign: number): number {
  const aMissing = a === undefined || (typeof a === 'number' && Number.isNaN(a));
  const bMissing = b === undefined || (typeof b === 'number' && Number.isNaN(b));
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return sign * collator.compare(a, b);
  return sign * (Number(a) - Number(b));
}

/** Sorts siblings at every level by one column. Throws on a direction other than asc/desc. */
export function sortProcessTree<P extends TreeProcess>(
  forest: ProcessForest<P>,
  options: SortOptions<P>,
): ProcessForest<P> {
  const direction = options.direction ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc')
    throw new RangeError(`sortProcessTree: direction must be "asc" or "desc", got ${String(direction)}`);
  if (typeof options.column !== 'string' || options.column === '')
    throw new RangeError('sortProcessTree: column must be a column name');
  const get = valueGetter<P>(options.column);
  const sign = direction === 'asc' ? 1 : -1;
  const sortLevel = (nodes: readonly ProcessNode<P>[]): ProcessNode<P>[] => {
    const keyed = nodes.map((node) => ({ node, key: get(node) }));
    keyed.sort((x, y) => compare(x.key, y.key, sign) || x.node.process.pid - y.node.process.pid);
    return keyed.map(({ node }) => node);
  };
  const roots = rebuild(forest.roots, (node, children) =>
    children.length === 0 ? node : withChildren(node, sortLevel(children)),
  );
  return { roots: sortLevel(roots), size: forest.size };
}

export interface FilteredForest<P extends TreeProcess> extends ProcessForest<P> {
  /** pids of the processes that matched (the others are kept as their ancestors). */
  readonly matches: ReadonlySet<number>;
}

/**
 * Keeps the processes whose name contains `query` (case-insensitive), or that satisfy the predicate,
 * together with all their ancestors. Subtree totals stay those of the whole subtree: a filter
 * changes what is shown, not what a branch costs. An empty query keeps everything.
 */
export function filterProcessTree<P extends TreeProcess>(
  forest: ProcessForest<P>,
  query: string | ((process: P) => boolean),
): FilteredForest<P> {
  let test: (p: P) => boolean;
  if (typeof query === 'function') test = query;
  else if (typeof query === 'string') {
    const needle = query.trim().toLowerCase();
    test = (p) => needle === '' || p.name.toLowerCase().includes(needle);
  } else throw new TypeError('filterProcessTree: query must be a string or a predicate');
  const matches = new Set<number>();
  let size = 0;
  const roots = rebuild(forest.roots, (node, children, unchanged) => {
    const hit = test(node.process);
    if (hit) matches.add(node.process.pid);
    if (!hit && children.length === 0) return undefined;
    size++;
    return unchanged ? node : withChildren(node, children);
  });
  return { roots, size, matches };
}
