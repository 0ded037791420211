/**
 * The process tree: thousands of rows, only the visible ones in the DOM (@tanstack/react-virtual).
 * Sorting, filtering (ancestors of a match stay) and subtree totals come from the pure tree code in
 * src/shared/process-tree.ts, through lib/process-rows.ts.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { formatBytes, formatPercent } from '../../../shared/format';
import { valueOf } from '../../../shared/metric-result';
import { buildProcessRows } from '../../lib/process-rows';
import type { ProcessSortKey } from '../../store/types';
import { useApp } from '../../store/use-app';

const ROW_HEIGHT = 26;
/** Charts hold their refresh until the tree has been still this long. */
const SCROLL_PAUSE_MS = 1500;
const COLUMNS: readonly { readonly key: ProcessSortKey; readonly label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'pid', label: 'PID' },
  { key: 'cpu', label: 'CPU' },
  { key: 'memory', label: 'Memory' },
];

/**
 * The value to show: the latest one, except while the user scrolls (until `heldUntil`), when the
 * table on screen stays put and the newest one replaces it once scrolling stops. Rebuilding 5,000
 * rows mid-scroll would both move rows under the pointer and cost a long task.
 */
function useHeldWhileScrolling<T>(value: T, heldUntil: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setShown(value), Math.max(0, heldUntil - Date.now()));
    return () => clearTimeout(id);
  }, [value, heldUntil]);
  return shown;
}

export function ProcessTree() {
  const latest = useApp((s) => (s.latest ? valueOf(s.latest.processes) : undefined));
  const heldUntil = useApp((s) => s.chartsPausedUntil);
  // Deferred: a new table is rebuilt in a background render; and held while the list scrolls.
  const processes = useDeferredValue(useHeldWhileScrolling(latest, heldUntil));
  const sort = useApp((s) => s.processSort);
  const descending = useApp((s) => s.processSortDescending);
  const filter = useApp((s) => s.processFilter);
  const expanded = useApp((s) => s.expanded);
  const setSort = useApp((s) => s.setProcessSort);
  const setFilter = useApp((s) => s.setProcessFilter);
  const toggle = useApp((s) => s.toggleExpanded);
  const pauseCharts = useApp((s) => s.pauseCharts);
  const scroller = useRef<HTMLDivElement>(null);

  const rows = useMemo(
    () => buildProcessRows(processes?.processes ?? [], { sort, descending, filter, expanded }),
    [processes, sort, descending, filter, expanded],
  );
  // We do not use the React Compiler, so its warning that it cannot memoise useVirtualizer's
  // functions does not apply; nothing here memoises them either.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <section className="card process-tree" aria-labelledby="proc-title">
      <header className="card-head">
        <h2 id="proc-title">Processes</h2>
        <input
          type="search"
          aria-label="Filter processes by name"
          placeholder="Filter by name"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </header>
      <div className="proc-header" role="presentation">
        {COLUMNS.map((c) => (
          <button
            key={c.key}
            type="button"
            className={`col-${c.key}`}
            aria-label={`Sort by ${c.label}`}
            aria-pressed={sort === c.key}
            onClick={() => setSort(c.key)}
          >
            {c.label}
            {sort === c.key ? (descending ? ' ▼' : ' ▲') : ''}
          </button>
        ))}
      </div>
      <div
        className="proc-scroll"
        tabIndex={0}
        onScroll={() => pauseCharts(SCROLL_PAUSE_MS)}
        ref={scroller}
        role="list"
        aria-label="Process tree"
        data-rows={rows.length}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.key}
                role="listitem"
                className={`proc-row${row.match ? '' : ' dim'}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                data-pid={row.pid}
              >
                <span className="col-name" style={{ paddingLeft: row.depth * 14 }}>
                  {row.hasChildren ? (
                    <button
                      type="button"
                      className="twisty"
                      aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.name} (pid ${row.pid})`}
                      aria-expanded={row.expanded}
                      onClick={() => toggle(row.pid)}
                    >
                      {row.expanded ? '▾' : '▸'}
                    </button>
                  ) : (
                    <span className="twisty" aria-hidden="true" />
                  )}
                  <span className="proc-name" title={row.name}>
                    {row.name}
                  </span>
                </span>
                <span className="col-pid">{row.pid}</span>
                <span className="col-cpu" title={`own ${formatPercent(row.cpu)}`}>
                  {formatPercent(row.subtreeCpu)}
                </span>
                <span className="col-memory" title={`own ${formatBytes(row.rssBytes)}`}>
                  {formatBytes(row.subtreeRssBytes)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      <p className="fine">
        CPU and memory include each process's descendants; hover a value for the process's own.
      </p>
    </section>
  );
}
