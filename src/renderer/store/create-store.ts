/**
 * Builds the app store around one DarwinMetricsApi. Every subscription to the API is made here, in
 * `start()`, never in a component: components only select values and call actions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DarwinMetricsApi } from '../../shared/ipc';
import { glancePlan, glanceRows, planSeriesIds } from '../lib/glance-backfill';
import { createAppSlice } from './app-slice';
import { createHistorySlice, refreshIntervalMs } from './history-slice';
import { createLiveSlice, keepAlerts, RECENT_CAPACITY } from './live-slice';
import { createUiSlice } from './ui-slice';
import { demandedSections, type AppState, type View } from './types';

export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  readonly view?: View;
  /** Samples kept for sparklines (default one hour at 1 Hz). */
  readonly recentCapacity?: number;
  /** Clock for pacing history refreshes (tests pass their own). */
  readonly now?: () => number;
}

/** Series come and go (a rate needs two samples, a USB sensor is plugged in): re-list this often, */
const SERIES_REFRESH_MS = 10_000;
/** and more often while the engine is still producing its first rates. */
const EARLY_SERIES_REFRESH_MS = 2_000;
const EARLY_MS = 30_000;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function createAppStore(api: DarwinMetricsApi, options: AppStoreOptions = {}): AppStore {
  const now = options.now ?? Date.now;
  const store = createStore<AppState>()((...a) => ({
    ...createLiveSlice(options.recentCapacity ?? RECENT_CAPACITY)(...a),
    ...createHistorySlice(api, now)(...a),
    ...createAppSlice(api)(...a),
    ...createUiSlice(...a),
    start: () => start(),
  }));
  if (options.view) store.setState({ view: options.view });

  let startedAt = 0;
  const fail = (err: unknown): void => store.setState({ connectionError: message(err) });

  function refreshDashboard(): void {
    const s = store.getState();
    // Nothing is redrawn while the user scrolls the process tree (see pauseCharts).
    if (s.view !== 'dashboard' || now() < s.chartsPausedUntil) return;
    const relist = now() - startedAt < EARLY_MS ? EARLY_SERIES_REFRESH_MS : SERIES_REFRESH_MS;
    if (s.seriesInfo.length === 0 || now() - s.seriesLoadedAt >= relist) {
      void s.loadSeries().then(() => store.getState().queryHistory());
      return;
    }
    const entry = s.byRange[s.range];
    if (entry?.loading) return;
    if (!entry || now() - entry.requestedAt >= refreshIntervalMs(s.range)) void s.queryHistory();
  }

  /** Loads the last hour of the glance series into the sparkline ring. */
  async function backfill(): Promise<void> {
    const s = store.getState();
    if (!s.latest) return;
    if (s.seriesInfo.length === 0) await s.loadSeries();
    const latest = store.getState().latest;
    if (!latest) return;
    const plan = glancePlan(latest, store.getState().seriesInfo);
    const ids = planSeriesIds(plan);
    if (ids.length === 0) return;
    try {
      const result = await api.getHistory('1h', ids, store.getState().recent.capacity);
      const st = store.getState();
      st.recent.backfill(glanceRows(plan, result));
      store.setState({ recentVersion: st.recentVersion + 1 });
    } catch (err) {
      fail(err);
    }
  }

  function start(): () => void {
    startedAt = now();
    const s = store.getState();
    const stops = [
      api.onSample((sample) => {
        store.getState().ingest(sample);
        refreshDashboard();
      }),
      api.onSettingsChanged((settings) => store.setState({ settings })),
      api.onAlert((event) => store.setState({ alerts: keepAlerts(store.getState().alerts, event) })),
      store.subscribe((cur, prev) => {
        if (cur.view === prev.view && cur.popoverRank === prev.popoverRank) return;
        api.setDemand(demandedSections(cur.view, cur.popoverRank)).catch(fail);
        if (cur.view !== prev.view) refreshDashboard();
      }),
    ];
    api.setDemand(demandedSections(s.view, s.popoverRank)).catch(fail);
    api.getCapabilities().then((capabilities) => store.setState({ capabilities }), fail);
    api.getSettings().then((settings) => store.setState({ settings }), fail);
    api.getLatest().then((sample) => {
      if (!sample) return;
      store.getState().ingest(sample);
      void backfill();
    }, fail);
    refreshDashboard();
    return () => {
      for (const stop of stops) stop();
    };
  }

  return store;
}
