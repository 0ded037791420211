/** An in-memory DarwinMetricsApi for store and component tests: pushes are driven by the test. */
import type { AlertEvent } from '../../src/shared/alert-types';
import type { HistoryQuery, HistoryResult, SeriesInfo } from '../../src/shared/history-types';
import type {
  Capabilities,
  DarwinMetricsApi,
  ExportOptions,
  ReplayInfo,
  ReplayPlayback,
  Settings,
} from '../../src/shared/ipc';
import type { Sample } from '../../src/shared/sample';
import type { SectionName } from '../../src/shared/sections';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

export interface FakeApi extends DarwinMetricsApi {
  push(sample: Sample): void;
  pushSettings(settings: Settings): void;
  pushAlert(event: AlertEvent): void;
  readonly demands: (readonly SectionName[])[];
  readonly queries: HistoryQuery[];
  readonly exports: ExportOptions[];
  /** Files handed to openRecording (undefined: the open dialog was asked for). */
  readonly opened: unknown[];
  readonly playbacks: ReplayPlayback[];
  listeners(): number;
}

export interface FakeApiData {
  readonly latest?: Sample | null;
  readonly series?: readonly SeriesInfo[];
  readonly history?: (q: HistoryQuery) => HistoryResult;
  readonly capabilities?: Partial<Capabilities>;
  readonly settings?: Settings;
  /** What openRecording rejects with (a file main refused). */
  readonly openError?: string;
}

export function createFakeApi(data: FakeApiData = {}): FakeApi {
  const samples = new Set<(s: Sample) => void>();
  const settingsCbs = new Set<(s: Settings) => void>();
  const alerts = new Set<(e: AlertEvent) => void>();
  let settings = data.settings ?? DEFAULT_SETTINGS;
  const demands: (readonly SectionName[])[] = [];
  const queries: HistoryQuery[] = [];
  const exports: ExportOptions[] = [];
  const opened: unknown[] = [];
  const playbacks: ReplayPlayback[] = [];
  let replay: ReplayInfo | undefined = data.capabilities?.replay;
  const sub =
    <T>(set: Set<(v: T) => void>) =>
    (cb: (v: T) => void) => {
      set.add(cb);
      return () => void set.delete(cb);
    };
  return {
    demands,
    queries,
    exports,
    opened,
    playbacks,
    push: (s) => samples.forEach((cb) => cb(s)),
    pushSettings: (s) => settingsCbs.forEach((cb) => cb(s)),
    pushAlert: (e) => alerts.forEach((cb) => cb(e)),
    listeners: () => samples.size + settingsCbs.size + alerts.size,
    onSample: sub(samples),
    onSettingsChanged: sub(settingsCbs),
    onAlert: sub(alerts),
    getCapabilities: async () => ({
      platform: 'linux',
      shell: 'web',
      sections: {},
      hostname: 'fake-host',
      canChangeSettings: true,
      ...data.capabilities,
      ...(replay === undefined ? {} : { replay }),
    }),
    getLatest: async () => data.latest ?? null,
    setDemand: async (sections) => void demands.push(sections),
    listSeries: async () => data.series ?? [],
    getHistory: async (range, series, maxPoints) => {
      const q = { range, series, maxPoints };
      queries.push(q);
      return data.history ? data.history(q) : { range, fromMs: 0, toMs: 60_000, series: [] };
    },
    exportCsv: async (options) => {
      exports.push(options);
      return { saved: true, path: 'x.csv', rows: 3, bytes: 100 };
    },
    getSettings: async () => settings,
    setSettings: async (patch) => (settings = { ...settings, ...patch }),
    openDashboard: async () => undefined,
    openSettings: async () => undefined,
    openRecording: async (file) => {
      opened.push(file);
      if (data.openError !== undefined) throw new Error(data.openError);
    },
    controlReplay: async (playback) => {
      playbacks.push(playback);
      if (replay === undefined)
        throw new Error('replay:control: this window shows live data, not a recording');
      const next: ReplayInfo = {
        ...replay,
        speed: playback.speed ?? replay.speed,
        paused: playback.paused ?? replay.paused ?? false,
      };
      replay = next;
      return next;
    },
  };
}

/** Resolves pending promise callbacks (the store's async loads). */
export const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
