/**
 * The single IPC contract between the Electron main process and the renderer, and (over HTTP) between
 * `nmetrics serve` and the same renderer in a browser. Wrappers on each side derive their types from
 * these maps; raw ipcMain / ipcRenderer / webContents.send appear only inside those wrappers.
 *
 * - Invoke channels: request → Promise of a response.
 * - Push channels: main → renderer, fire-and-forget.
 *
 * Over HTTP (web transport, see WEB_API): an invoke is `POST /api/invoke/<channel>` with the JSON
 * array of arguments as body, answered by an InvokeReply; push channels arrive on the Server-Sent
 * Events stream `GET /api/stream`, one SSE `event:` per channel name.
 */
import type { AlertEvent, AlertRule } from './alert-types';
import type { HistoryQuery, HistoryRange, HistoryResult, SeriesId, SeriesInfo } from './history-types';
import type { Platform } from './raw';
import type { Sample } from './sample';
import type { SectionName } from './sections';

export type TemperatureUnit = 'C' | 'F';

/** What the menu-bar title may show, in the user's order. */
export type GlanceItem = 'cpu' | 'cpu-temp' | 'battery' | 'battery-time' | 'gpu' | 'network' | 'fan';

export interface Settings {
  /** Sampling interval for the tray glance with every window hidden, ms. */
  readonly trayIntervalMs: number;
  /** Sampling interval while a window is visible, ms. */
  readonly windowIntervalMs: number;
  /** Multiply intervals by this on battery power (1 = no change). */
  readonly batteryIntervalFactor: number;
  readonly glanceItems: readonly GlanceItem[];
  readonly temperatureUnit: TemperatureUnit;
  readonly launchAtLogin: boolean;
  /** How many days of history to keep (1–7). */
  readonly historyDays: number;
  readonly alerts: readonly AlertRule[];
  /** Per-rule switch for system notifications, by rule id. */
  readonly notifications: Readonly<Record<string, boolean>>;
}

export type SettingsPatch = Partial<Settings>;

export interface Capabilities {
  readonly platform: Platform;
  /** 'electron' inside the app, 'web' in a browser against `nmetrics serve`. */
  readonly shell: 'electron' | 'web';
  /** Sections this machine can report, with the reason for each one it cannot. */
  readonly sections: Readonly<
    Partial<Record<SectionName, { readonly available: boolean; readonly reason?: string }>>
  >;
  readonly hostname: string;
  /** Whether settings can be changed from this shell (the web UI is read-only unless given a token). */
  readonly canChangeSettings: boolean;
  /** Set when the views show a recording (`nmetrics serve --replay`), not this machine. */
  readonly replay?: ReplayInfo;
}

/** A recording being replayed: where it came from and what it covers. */
export interface ReplayInfo {
  /** The file's name (no folder: the page never learns the server's paths). */
  readonly source: string;
  /** The recorded machine's host name. */
  readonly hostname: string;
  /** Wall clock of the first and last sample, ms since the epoch. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly samples: number;
  /** Playback speed: 10 plays ten recorded seconds per second. */
  readonly speed: number;
}

export type ExportFormat = 'csv' | 'jsonl';

export interface ExportOptions {
  readonly range: HistoryRange;
  readonly series: readonly SeriesId[];
  readonly format: ExportFormat;
}

export interface ExportResult {
  /** False when the user cancelled the save dialog. */
  readonly saved: boolean;
  readonly path?: string;
  readonly rows: number;
  readonly bytes: number;
}

/** Request-response channels: name → [argument tuple, response]. */
export interface InvokeChannels {
  'app:getCapabilities': [args: [], response: Capabilities];
  'metrics:getLatest': [args: [], response: Sample | null];
  /** The renderer says which sections its visible view shows (demand-driven sampling). */
  'metrics:setDemand': [args: [sections: readonly SectionName[]], response: void];
  'history:listSeries': [args: [], response: readonly SeriesInfo[]];
  'history:query': [args: [query: HistoryQuery], response: HistoryResult];
  'export:run': [args: [options: ExportOptions], response: ExportResult];
  'settings:get': [args: [], response: Settings];
  'settings:set': [args: [patch: SettingsPatch], response: Settings];
  'app:openDashboard': [args: [], response: void];
  'app:openSettings': [args: [], response: void];
}

/** Push channels: name → payload. */
export interface PushChannels {
  'metrics:sample': Sample;
  'settings:changed': Settings;
  'alerts:event': AlertEvent;
}

export type InvokeChannel = keyof InvokeChannels;
export type PushChannel = keyof PushChannels;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C][0];
export type InvokeResponse<C extends InvokeChannel> = InvokeChannels[C][1];

export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'app:getCapabilities',
  'metrics:getLatest',
  'metrics:setDemand',
  'history:listSeries',
  'history:query',
  'export:run',
  'settings:get',
  'settings:set',
  'app:openDashboard',
  'app:openSettings',
];

export const PUSH_CHANNELS: readonly PushChannel[] = ['metrics:sample', 'settings:changed', 'alerts:event'];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

/** The reply envelope of an invoke over HTTP (in Electron, a rejected promise carries the message). */
export type InvokeReply<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** HTTP paths of the web transport served by `nmetrics serve`. */
export const WEB_API = {
  invoke: (channel: InvokeChannel) => `/api/invoke/${channel}`,
  stream: '/api/stream',
  snapshot: '/api/snapshot',
  /** `GET /api/export?range=1h&series=a,b&format=csv` downloads a file (the browser's export). */
  export: '/api/export',
  metrics: '/metrics',
  health: '/healthz',
} as const;

/** The one object the preload exposes as `window.darwinmetrics`, and the web transport implements. */
export interface DarwinMetricsApi {
  /** Calls cb for every pushed sample; returns the unsubscribe function. */
  onSample(cb: (sample: Sample) => void): () => void;
  onSettingsChanged(cb: (settings: Settings) => void): () => void;
  onAlert(cb: (event: AlertEvent) => void): () => void;
  getCapabilities(): Promise<Capabilities>;
  getLatest(): Promise<Sample | null>;
  setDemand(sections: readonly SectionName[]): Promise<void>;
  listSeries(): Promise<readonly SeriesInfo[]>;
  getHistory(range: HistoryRange, series: readonly SeriesId[], maxPoints: number): Promise<HistoryResult>;
  exportCsv(options: ExportOptions): Promise<ExportResult>;
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  openDashboard(): Promise<void>;
  openSettings(): Promise<void>;
}
