import type { StateCreator } from 'zustand';
import { valueOf } from '../../shared/metric-result';
import { rootPids } from '../lib/process-rows';
import { summarize } from '../lib/summarize';
import { GlanceRing } from './ring';
import type { AppState, LiveSlice } from './types';

/** One hour of 1 s samples: what the popover can scroll back through without a history query. */
export const RECENT_CAPACITY = 3600;
/** Alerts kept for display. */
const MAX_ALERTS = 20;

export const createLiveSlice =
  (capacity: number): StateCreator<AppState, [], [], LiveSlice> =>
  (set, get) => ({
    latest: null,
    recent: new GlanceRing(capacity),
    recentVersion: 0,
    alerts: [],
    connectionError: null,
    ingest: (sample) => {
      const { latest, recent, recentVersion } = get();
      // A sample older than the one shown (a replay after reconnecting) is not drawn twice.
      if (latest && sample.t <= latest.t) return;
      recent.push(sample.t, summarize(sample));
      set({ latest: sample, recentVersion: recentVersion + 1, connectionError: null });
      const processes = valueOf(sample.processes)?.processes;
      if (!get().treeSeeded && processes && processes.length > 0) {
        set({ expanded: new Set(rootPids(processes)), treeSeeded: true });
      }
    },
  });

export function keepAlerts<T>(list: readonly T[], next: T): readonly T[] {
  return [next, ...list].slice(0, MAX_ALERTS);
}
