import type { StateCreator } from 'zustand';
import type { DarwinMetricsApi } from '../../shared/ipc';
import { chooseDroppedRecording } from '../lib/recording-drop';
import type { AppSlice, AppState } from './types';

export const createAppSlice =
  (api: DarwinMetricsApi): StateCreator<AppState, [], [], AppSlice> =>
  (set, get) => ({
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
    recordingError: null,
    openRecording: async (file) => {
      set({ recordingError: null });
      try {
        await api.openRecording(file);
      } catch (err) {
        set({ recordingError: messageOf(err) });
      }
    },
    dropRecording: async (files) => {
      const choice = chooseDroppedRecording(files);
      if ('error' in choice) set({ recordingError: choice.error });
      else await get().openRecording(choice.file);
    },
    replayError: null,
    controlReplay: async (playback) => {
      try {
        const replay = await api.controlReplay(playback);
        const capabilities = get().capabilities;
        set({ replayError: null, ...(capabilities ? { capabilities: { ...capabilities, replay } } : {}) });
      } catch (err) {
        set({ replayError: messageOf(err) });
      }
    },
  });

/**
 * Electron wraps an invoke's rejection as "Error invoking remote method '<channel>': <Name>: <message>"
 * (electron/electron, lib/renderer/api/ipc-renderer.ts); the user needs only the message.
 */
const ELECTRON_INVOKE_PREFIX = /^Error invoking remote method '[^']+': (?:\w*Error: )?/;

export function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(ELECTRON_INVOKE_PREFIX, '');
}
