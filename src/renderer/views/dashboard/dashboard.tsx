import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { HISTORY_RANGE_MS, HISTORY_RANGES } from '../../../shared/history-types';
import { valueOf } from '../../../shared/metric-result';
import type { SensorGroup } from '../../../shared/sample';
import { chartGroups } from '../../lib/chart-groups';
import { downInterfacesKey, quietInterfaces } from '../../lib/idle-interfaces';
import { ReplayBadge } from '../replay-badge';
import { useApp } from '../../store/use-app';
import { ExportPanel } from './export-panel';
import { HistoryChart } from './history-chart';
import { ProcessTree } from './process-tree';
import { RangeSelector } from './range-selector';
import { RecordingDropZone, RecordingError } from './recording-drop-zone';

/** "sensorId:group,..." — a primitive, so the charts regroup only when sensors change. */
function useSensorGroupsKey(): string {
  return useApp((s) => {
    const sensors = s.latest ? (valueOf(s.latest.thermal)?.sensors ?? []) : [];
    return sensors.map((x) => `${x.id}\u0000${x.group}`).join('\u0001');
  });
}

export function Dashboard() {
  const seriesInfo = useApp((s) => s.seriesInfo);
  const range = useApp((s) => s.range);
  const entry = useApp((s) => s.byRange[s.range]);
  const unit = useApp((s) => s.settings?.temperatureUnit ?? 'C');
  const hostname = useApp((s) => s.capabilities?.hostname);
  const setChartWidth = useApp((s) => s.setChartWidth);
  const openSettings = useApp((s) => s.openSettings);
  const connectionError = useApp((s) => s.connectionError);
  const openRecording = useApp((s) => s.openRecording);
  // Only the app can read a file the user picks; a browser shows what the server replays.
  const inApp = useApp((s) => s.capabilities?.shell === 'electron');
  const groupsKey = useSensorGroupsKey();
  const [showQuiet, setShowQuiet] = useState(false);
  const downKey = useApp((s) => downInterfacesKey(s.latest));
  const grid = useRef<HTMLDivElement>(null);
  // The charts redraw from a deferred copy: React renders them in an interruptible, time-sliced
  // pass, so a history refresh never blocks the main thread (scrolling, the tree) for long.
  const result = useDeferredValue(entry?.result);

  // Recomputed with each history result; a primitive key keeps the charts from regrouping otherwise.
  const quietKey = [...quietInterfaces(downKey, entry?.result)].sort().join(',');
  const quiet = useMemo(() => new Set(quietKey === '' ? [] : quietKey.split(',')), [quietKey]);

  const groups = useMemo(() => {
    const map = new Map<string, SensorGroup>();
    if (groupsKey !== '')
      for (const pair of groupsKey.split('\u0001')) {
        const [id, group] = pair.split('\u0000');
        if (id !== undefined && group !== undefined) map.set(id, group as SensorGroup);
      }
    return chartGroups(seriesInfo, map, showQuiet ? new Set() : quiet);
  }, [seriesInfo, groupsKey, quiet, showQuiet]);

  // A recording opens on the shortest range that holds all of it (30 s of a thermal episode
  // would be a sliver at the edge of the default five minutes).
  const replaySpan = useApp((s) =>
    s.capabilities?.replay ? s.capabilities.replay.toMs - s.capabilities.replay.fromMs : null,
  );
  const setRange = useApp((s) => s.setRange);
  useEffect(() => {
    if (replaySpan === null) return;
    setRange(
      HISTORY_RANGES.find((r) => HISTORY_RANGE_MS[r] >= replaySpan) ??
        HISTORY_RANGES[HISTORY_RANGES.length - 1]!,
    );
  }, [replaySpan, setRange]);

  // Charts get one point per pixel: measure a grid cell and tell the store.
  useEffect(() => {
    const el = grid.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const first = el.firstElementChild;
      if (first) setChartWidth(first.getBoundingClientRect().width - 80);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [setChartWidth]);

  return (
    <RecordingDropZone>
      <div className="dashboard">
        <header className="dash-head">
          <h1>{hostname ? `${hostname} — dashboard` : 'darwinmetrics dashboard'}</h1>
          <RangeSelector />
          {inApp ? (
            <button type="button" className="secondary" onClick={() => void openRecording()}>
              Open recording…
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={() => void openSettings()}>
            Settings
          </button>
        </header>
        <ReplayBadge />
        <RecordingError />
        {quiet.size > 0 ? (
          <label className="inline quiet-toggle">
            <input type="checkbox" checked={showQuiet} onChange={(e) => setShowQuiet(e.target.checked)} />
            Show down or idle network interfaces ({[...quiet].join(', ')})
          </label>
        ) : null}
        {connectionError ? (
          <p className="banner tone-critical" role="alert">
            {connectionError}
          </p>
        ) : null}
        {entry?.error ? (
          <p className="banner tone-warning" role="status">
            History for {range}: {entry.error}
          </p>
        ) : null}
        <div className="chart-grid" ref={grid} aria-busy={entry?.loading ?? true}>
          {groups.length === 0 ? (
            <p className="unavailable">Waiting for the history to list its series…</p>
          ) : null}
          {groups.map((g, i) => (
            <HistoryChart key={g.key} group={g} result={result} temperatureUnit={unit} order={i} />
          ))}
        </div>
        <div className="dash-bottom">
          <ProcessTree />
          <ExportPanel groups={groups} />
        </div>
      </div>
    </RecordingDropZone>
  );
}
