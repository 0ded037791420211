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
    chartsPausedUntil: 0,
    pauseCharts: (ms) => set({ chartsPausedUntil: now() + ms }),
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

/**
 * How often a visible dashboard re-queries its range: about every 100th of the range (a chart
 * ~600 px wide moves by ~6 px), never faster than each second. Redrawing every chart costs real
 * main-thread time, so the long ranges refresh rarely.
 */
export function refreshIntervalMs(range: HistoryRange): number {
  switch (range) {
    case '1m':
      return 1000;
    case '5m':
      return 3000;
    case '15m':
      return 10_000;
    case '1h':
      return 30_000;
    case '24h':
      return 300_000;
    case '7d':
      return 900_000;
    // Ranges read from disk (core/history/disk-source.ts): hourly is plenty for a month or a year.
    case '30d':
    case '90d':
    case '1y':
      return 3_600_000;
  }
}
