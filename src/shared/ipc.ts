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
import type { AlertEvent } from './alert-types';
import type { HistoryRange, HistoryResult, SeriesId, SeriesInfo } from './history-types';
import type { ArgsOf, ExportOptions, ParamChannel, ReplayPlayback } from './payload-schemas';
import type { Platform } from './raw';
import type { Sample } from './sample';
import type { SectionName } from './sections';
import type { Settings, SettingsPatch } from './settings-schema';

// Payload types are inferred from their schemas (payload-schemas.ts, settings-schema.ts).
export type { ExportFormat, ExportOptions, ReplayPlayback } from './payload-schemas';
export type { GlanceItem, Settings, SettingsPatch, TemperatureUnit } from './settings-schema';

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
  /** True while the playback is held (replay:control). */
  readonly paused?: boolean;
}

export interface ExportResult {
  /** False when the user cancelled the save dialog. */
  readonly saved: boolean;
  readonly path?: string;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Request-response channels: name → [argument tuple, response]. The argument tuples are what the
 * channel's schemas output (payload-schemas.ts INVOKE_PARAMS), so the type and the check are one.
 */
export interface InvokeChannels {
  'app:getCapabilities': [args: ArgsOf<'app:getCapabilities'>, response: Capabilities];
  'metrics:getLatest': [args: ArgsOf<'metrics:getLatest'>, response: Sample | null];
  /** The renderer says which sections its visible view shows (demand-driven sampling). */
  'metrics:setDemand': [args: ArgsOf<'metrics:setDemand'>, response: void];
  'history:listSeries': [args: ArgsOf<'history:listSeries'>, response: readonly SeriesInfo[]];
  'history:query': [args: ArgsOf<'history:query'>, response: HistoryResult];
  'export:run': [args: ArgsOf<'export:run'>, response: ExportResult];
  'settings:get': [args: ArgsOf<'settings:get'>, response: Settings];
  'settings:set': [args: ArgsOf<'settings:set'>, response: Settings];
  'app:openDashboard': [args: ArgsOf<'app:openDashboard'>, response: void];
  'app:openSettings': [args: ArgsOf<'app:openSettings'>, response: void];
  /** Opens a recording in its own dashboard window (null: main asks with its open dialog). */
  'replay:open': [args: ArgsOf<'replay:open'>, response: void];
  /** Pauses, resumes or re-speeds the replay the calling window shows; answers its new state. */
  'replay:control': [args: ArgsOf<'replay:control'>, response: ReplayInfo];
}

/** Push channels: name → payload. */
export interface PushChannels {
  'metrics:sample': Sample;
  'settings:changed': Settings;
  'alerts:event': AlertEvent;
}

export type InvokeChannel = keyof InvokeChannels;
// Every channel has its schemas and every schema its channel (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const CHANNELS_HAVE_SCHEMAS: Same<InvokeChannel, ParamChannel> = true;
void CHANNELS_HAVE_SCHEMAS;
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
  'replay:open',
  'replay:control',
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
  /** The WebSocket stream (src/shared/stream-protocol.ts): chosen sections at a chosen interval. */
  ws: '/api/ws',
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
  /**
   * Opens a recording in a window of its own: a file dropped on the page (a File; the preload finds
   * its path), or with no argument the app's open dialog. Rejects with the reason a file cannot be
   * replayed (its name and the bad line).
   */
  openRecording(file?: unknown): Promise<void>;
  /** Changes the playback of the recording this page shows; resolves to its new state. */
  controlReplay(playback: ReplayPlayback): Promise<ReplayInfo>;
}
