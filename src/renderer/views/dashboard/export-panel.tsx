import { useState } from 'react';
import { formatBytes } from '../../../shared/format';
import { HISTORY_RANGES, type HistoryRange } from '../../../shared/history-types';
import type { ExportFormat } from '../../../shared/ipc';
import type { ChartGroup } from '../../lib/chart-groups';
import { useApp } from '../../store/use-app';

export function ExportPanel({ groups }: { readonly groups: readonly ChartGroup[] }) {
  const currentRange = useApp((s) => s.range);
  const exportData = useApp((s) => s.exportData);
  const [range, setRange] = useState<HistoryRange | null>(null);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const chosenRange = range ?? currentRange;
  const series = groups.filter((g) => !unchecked.has(g.key)).flatMap((g) => g.series.map((s) => s.id));

  const run = async (): Promise<void> => {
    setBusy(true);
    setStatus('Exporting…');
    try {
      const r = await exportData({ range: chosenRange, series, format });
      setStatus(
        r.saved
          ? `Saved ${r.rows} rows (${formatBytes(r.bytes)})${r.path ? ` to ${r.path}` : ''}`
          : 'Export cancelled',
      );
    } catch (err) {
      setStatus(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card export" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className="field">
        <label htmlFor="export-range">Range</label>
        <select
          id="export-range"
          value={chosenRange}
          onChange={(e) => setRange(e.target.value as HistoryRange)}
        >
          {HISTORY_RANGES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Format</legend>
        {(['csv', 'jsonl'] as const).map((f) => (
          <label key={f} className="inline">
            <input
              type="radio"
              name="export-format"
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            {f.toUpperCase()}
          </label>
        ))}
      </fieldset>
      <fieldset className="series-pick">
        <legend>Series</legend>
        {groups.map((g) => (
          <label key={g.key} className="inline">
            <input
              type="checkbox"
              checked={!unchecked.has(g.key)}
              onChange={(e) => {
                const next = new Set(unchecked);
                if (e.target.checked) next.delete(g.key);
                else next.add(g.key);
                setUnchecked(next);
              }}
            />
            {g.title}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={busy || series.length === 0} onClick={() => void run()}>
        Export {format.toUpperCase()}
      </button>
      <p className="fine" role="status">
        {status}
      </p>
    </section>
  );
}
