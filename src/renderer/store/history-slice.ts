import type { StateCreator } from 'zustand';
import type { HistoryRange } from '../../shared/history-types';
import type { DarwinMetricsApi } from '../../shared/ipc';
import { chartSeriesIds } from '../lib/chart-groups';
import type { AppState, HistorySlice } from './types';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const createHistorySlice =
  (api: DarwinMetricsApi, now: () => number = Date.now): StateCreator<AppState, [], [], HistorySlice> =>
  (set, get) => ({
    range: '5m',
    seriesInfo: [],
    seriesLoadedAt: -Infinity,
    byRange: {},
    chartWidth: 600,
    setRange: (range) => {
      set({ range });
      void get().queryHistory(range);
    },
    setChartWidth: (px) => {
      const width = Math.max(60, Math.round(px));
      if (Math.abs(width - get().chartWidth) < 20) return;
      set({ chartWidth: width });
      void get().queryHistory();
    },
    loadSeries: async () => {
      try {
        const seriesLoadedAt = now();
        const seriesInfo = await api.listSeries();
        set({ seriesInfo, seriesLoadedAt });
      } catch (err) {
        set({ connectionError: message(err) });
      }
    },
    queryHistory: async (requested?: HistoryRange) => {
      const range = requested ?? get().range;
      const series = chartSeriesIds(get().seriesInfo);
      if (series.length === 0) return;
      const previous = get().byRange[range];
      const requestedAt = now();
      set({ byRange: { ...get().byRange, [range]: { ...previous, loading: true, requestedAt } } });
      try {
        const result = await api.getHistory(range, series, get().chartWidth);
        set({ byRange: { ...get().byRange, [range]: { result, loading: false, requestedAt } } });
      } catch (err) {
        const entry = {
          ...(previous?.result ? { result: previous.result } : {}),
          loading: false,
          requestedAt,
        };
        set({ byRange: { ...get().byRange, [range]: { ...entry, error: message(err) } } });
      }
    },
    exportData: (options) => api.exportCsv(options),
  });

/** How often a visible dashboard re-queries its range: about one new pixel column per refresh. */
export function refreshIntervalMs(range: HistoryRange): number {
  switch (range) {
    case '1m':
    case '5m':
      return 1000;
    case '15m':
      return 2000;
    case '1h':
      return 5000;
    case '24h':
      return 60_000;
    case '7d':
      return 300_000;
  }
}
