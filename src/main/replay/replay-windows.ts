/**
 * One dashboard window per opened recording, each with its own replay engine (replay-engine.ts).
 * The window loads the same dashboard page as the live one; its invokes are answered by its engine
 * (routing.ts) and its engine's samples are pushed to it alone. Closing the window stops and frees
 * the engine. The live windows, tray and alerts never see a replay.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Recording } from '../../core/replay';
import type { SettingsStore } from '../../core/service';
import type { ExportOptions, ExportResult, PushChannel, PushChannels } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';
import {
  appPageUrl,
  baseWindowOptions,
  createWindowChannel,
  DEFAULT_SIZE,
  MIN_SIZE,
  type ChannelContents,
  type WindowChannel,
} from '../windows';
import { createReplayEngine, type ReplayEngine } from './replay-engine';

/** The parts of a BrowserWindow this uses (Node tests pass fakes). */
export interface ReplayWindowLike {
  readonly webContents: ChannelContents;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  close(): void;
  isDestroyed(): boolean;
}

export interface ReplayWindowsDeps<W extends ReplayWindowLike> {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => W;
  readonly preload: string;
  readonly dark: () => boolean;
  /** The typed push (src/main/ipc sendPush). */
  readonly send: <C extends PushChannel>(
    contents: W['webContents'],
    channel: C,
    payload: PushChannels[C],
  ) => void;
  /** Reads and checks a recording; throws an error naming the file and line (read-recording.ts). */
  readonly read: (path: string) => Promise<Recording>;
  readonly settings: SettingsStore;
  /** An export of this history with the app's dialog and progress (export-flow.ts). */
  readonly exportFor: (engine: ReplayEngine, parent: W) => (options: ExportOptions) => Promise<ExportResult>;
  readonly focusApp: () => void;
  readonly onError: (what: string, error: unknown) => void;
  /** Playback speed a window starts at (default 1, as recorded). */
  readonly speed?: number;
}

export interface ReplayWindow<W> {
  readonly win: W;
  readonly engine: ReplayEngine;
  readonly runExport: (options: ExportOptions) => Promise<ExportResult>;
}

export interface ReplayWindows<W> {
  /** Reads the recording, then opens its window; rejects (naming file and line) before any window opens. */
  open(path: string): Promise<ReplayWindow<W>>;
  /** The replay window of a WebContents id, if that page shows a recording. */
  byContentsId(id: number): ReplayWindow<W> | undefined;
  /** Sends to every replay window (settings changes: units apply to recordings too). */
  broadcast<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  readonly size: number;
  /** Closes every replay window (quitting). */
  closeAll(): void;
}

export function createReplayWindows<W extends ReplayWindowLike>(
  deps: ReplayWindowsDeps<W>,
): ReplayWindows<W> {
  const open = new Map<number, ReplayWindow<W> & { channel: WindowChannel }>();

  return {
    async open(path) {
      const recording = await deps.read(path);
      const { source, hostname } = recording.info;
      const win = deps.createWindow({
        ...baseWindowOptions(deps.preload, deps.dark()),
        ...DEFAULT_SIZE,
        minWidth: MIN_SIZE.width,
        minHeight: MIN_SIZE.height,
        title: `${source} — ${hostname} (replay)`,
      });
      const contents = win.webContents;
      const channel = createWindowChannel(contents, (_c, ch, payload) => deps.send(contents, ch, payload));
      const engine = createReplayEngine(recording, {
        speed: deps.speed ?? 1,
        settings: deps.settings,
        onSample: (sample: Sample) => channel.push('metrics:sample', sample),
        onError: deps.onError,
      });
      const entry = { win, engine, channel, runExport: deps.exportFor(engine, win) };
      open.set(contents.id, entry);
      win.on('closed', () => {
        open.delete(contents.id);
        engine.close().catch((e: unknown) => deps.onError(`close replay ${source}`, e));
      });
      win.once('ready-to-show', () => {
        win.show();
        deps.focusApp();
      });
      win.loadURL(appPageUrl('dashboard')).catch((e: unknown) => deps.onError(`load replay ${source}`, e));
      return entry;
    },
    byContentsId: (id) => open.get(id),
    broadcast(channel, payload) {
      for (const entry of open.values()) entry.channel.push(channel, payload);
    },
    get size() {
      return open.size;
    },
    closeAll() {
      for (const { win } of [...open.values()]) if (!win.isDestroyed()) win.close();
    },
  };
}
