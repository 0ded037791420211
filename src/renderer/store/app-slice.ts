import type { StateCreator } from 'zustand';
import type { DarwinMetricsApi } from '../../shared/ipc';
import type { AppSlice, AppState } from './types';

export const createAppSlice =
  (api: DarwinMetricsApi): StateCreator<AppState, [], [], AppSlice> =>
  (set) => ({
    capabilities: null,
    settings: null,
    settingsError: null,
    saveSettings: async (patch) => {
      try {
        const settings = await api.setSettings(patch);
        set({ settings, settingsError: null });
      } catch (err) {
        set({ settingsError: err instanceof Error ? err.message : String(err) });
      }
    },
    openDashboard: () => api.openDashboard(),
    openSettings: () => api.openSettings(),
  });
