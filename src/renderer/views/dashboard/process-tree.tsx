/**
 * The process tree: thousands of rows, only the visible ones in the DOM (@tanstack/react-virtual).
 * Sorting, filtering (ancestors of a match stay) and subtree totals come from the pure tree code in
 * src/shared/process-tree.ts, through lib/process-rows.ts.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatBytes, formatPercent, formatRate, formatWatts } from '../../../shared/format';
import type { ProcessGpuSample, ProcessPowerSource } from '../../../shared/sample';
import { valueOf } from '../../../shared/metric-result';
import { buildProcessRows, type ProcessRow } from '../../lib/process-rows';
import type { ProcessSortKey } from '../../store/types';
import { unavailableReason } from '../../lib/availability';
import { useApp } from '../../store/use-app';

const ROW_HEIGHT = 26;
/** Rows PageUp/PageDown move by. */
const PAGE_ROWS = 10;
/** Charts hold their refresh until the tree has been still this long. */
const SCROLL_PAUSE_MS = 1500;
const COLUMNS: readonly { readonly key: ProcessSortKey; readonly label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'pid', label: 'PID' },
  { key: 'cpu', label: 'CPU' },
  { key: 'memory', label: 'Memory' },
  { key: 'disk', label: 'Disk' },
  { key: 'gpu', label: 'GPU' },
  { key: 'power', label: 'Power' },
];

/** A subtree value, or a dash where the process's own value was never measured here. */
function measured(own: number | undefined, subtree: number, format: (n: number) => string): string {
  return own === undefined && subtree === 0 ? '—' : format(subtree);
}

/** The power header says how the watts were obtained (estimated on Linux, see ProcessesSample.power). */
function powerTitle(power: ProcessPowerSource | undefined): string {
  if (!power) return 'Power: needs two samples';
  return power.kind === 'unavailable'
    ? `Power unavailable: ${power.reason}`
    : `Power (${power.kind}): ${power.detail}`;
}

/** The GPU header names the GPUs whose driver gives no per-process figures, and why. */
function gpuTitle(gpu: ProcessGpuSample | undefined): string {
  const source =
    'Busiest GPU engine used by the process (DRM fdinfo, NVIDIA NVML, or macOS accelerator clients)';
  if (!gpu || gpu.unavailable.length === 0) return source;
  return `${source}. Not available per process on ${gpu.unavailable.join('; ')}`;
}

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

/**
 * Where a key moves the active row, following the WAI-ARIA tree pattern: ↑/↓ (and Page, Home, End)
 * move, → expands a collapsed row or enters an expanded one, ← collapses an expanded row or goes to
 * the parent. Returns the next index, 'toggle' to expand/collapse the active row, or undefined.
 */
export function treeKeyTarget(
  key: string,
  rows: readonly Pick<ProcessRow, 'depth' | 'hasChildren' | 'expanded'>[],
  index: number,
): number | 'toggle' | undefined {
  const last = rows.length - 1;
  const row = rows[index];
  if (last < 0) return undefined;
  if (row === undefined) return key === 'End' ? last : 0;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(last, index + PAGE_ROWS);
    case 'PageUp':
      return Math.max(0, index - PAGE_ROWS);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'ArrowRight':
      if (!row.hasChildren) return undefined;
      return row.expanded ? Math.min(last, index + 1) : 'toggle';
    case 'ArrowLeft':
      if (row.hasChildren && row.expanded) return 'toggle';
      for (let k = index - 1; k >= 0; k--) if ((rows[k]?.depth ?? 0) < row.depth) return k;
      return undefined;
    case 'Enter':
    case ' ':
      return row.hasChildren ? 'toggle' : undefined;
    default:
      return undefined;
  }
}

export function ProcessTree() {
  const latest = useApp((s) => (s.latest ? valueOf(s.latest.processes) : undefined));
  // Why there is no table (a recording without one, a failed read): said, not an empty box.
  const missing = useApp((s) =>
    s.latest && !s.latest.processes?.ok ? unavailableReason(s.latest, s.capabilities, 'processes') : null,
  );
  const gpu = useApp((s) => (s.latest ? valueOf(s.latest.processGpu) : undefined));
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
  const [activePid, setActivePid] = useState<number | undefined>(undefined);
  // The row to focus once the virtualiser has rendered it.
  const focusPending = useRef<number | undefined>(undefined);

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

  const activeIndex = activePid === undefined ? -1 : rows.findIndex((r) => r.pid === activePid);
  useEffect(() => {
    const pid = focusPending.current;
    if (pid === undefined) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-pid="${pid}"]`);
    if (el) {
      focusPending.current = undefined;
      el.focus({ preventScroll: true });
    }
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into a row's own button (Enter, Space) belong to the button.
    if ((e.target as HTMLElement).tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
    const target = treeKeyTarget(e.key, rows, activeIndex);
    if (target === undefined) return;
    e.preventDefault();
    if (target === 'toggle') {
      const row = rows[activeIndex];
      if (row) toggle(row.pid);
      return;
    }
    const row = rows[target];
    if (!row) return;
    setActivePid(row.pid);
    focusPending.current = row.pid;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

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
      {missing ? <p className="unavailable">{missing}</p> : null}
      <div className="proc-header" role="presentation">
        {COLUMNS.map((c) => (
          <button
            key={c.key}
            type="button"
            className={`col-${c.key}`}
            aria-label={`Sort by ${c.label}`}
            aria-pressed={sort === c.key}
            title={
              c.key === 'power' ? powerTitle(processes?.power) : c.key === 'gpu' ? gpuTitle(gpu) : undefined
            }
            onClick={() => setSort(c.key)}
          >
            {c.key === 'power' && processes?.power?.kind === 'estimated' ? 'Power (est.)' : c.label}
            {sort === c.key ? (descending ? ' ▼' : ' ▲') : ''}
          </button>
        ))}
      </div>
      <div
        className="proc-scroll"
        tabIndex={0}
        onScroll={() => pauseCharts(SCROLL_PAUSE_MS)}
        onKeyDown={onKeyDown}
        ref={scroller}
        role="list"
        aria-label="Process tree"
        aria-describedby="proc-keys"
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
                tabIndex={-1}
                aria-current={row.pid === activePid ? 'true' : undefined}
                onFocus={() => setActivePid(row.pid)}
                className={`proc-row${row.match ? '' : ' dim'}${row.pid === activePid ? ' active' : ''}`}
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
                <span
                  className="col-disk"
                  title={
                    row.diskBytesPerSec === undefined
                      ? 'not measured'
                      : `own ${formatRate(row.diskBytesPerSec)}`
                  }
                >
                  {measured(row.diskBytesPerSec, row.subtreeDiskBytesPerSec, formatRate)}
                </span>
                <span
                  className="col-gpu"
                  title={
                    row.gpuPercent === undefined ? 'not measured' : `own ${formatPercent(row.gpuPercent)}`
                  }
                >
                  {measured(row.gpuPercent, row.subtreeGpuPercent, formatPercent)}
                </span>
                <span
                  className="col-power"
                  title={row.powerW === undefined ? 'not measured' : `own ${formatWatts(row.powerW)}`}
                >
                  {measured(row.powerW, row.subtreePowerW, formatWatts)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      <p className="fine" id="proc-keys">
        Every column includes each process's descendants; hover a value for the process's own. Disk is read
        plus written per second. Keys: ↑ ↓ move, → expands, ← collapses or goes to the parent.
      </p>
    </section>
  );
}
