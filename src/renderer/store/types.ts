/** The app store: one zustand store of typed slices (STYLE.md, zustand section). */
import { PROCESS_RANK_SECTIONS, type ProcessRank } from '../../shared/process-rank';
import type { AlertEvent } from '../../shared/alert-types';
import type { HistoryRange, HistoryResult, SeriesInfo } from '../../shared/history-types';
import type {
  Capabilities,
  ExportOptions,
  ExportResult,
  ReplayPlayback,
  Settings,
  SettingsPatch,
} from '../../shared/ipc';
import type { Sample } from '../../shared/sample';
import { SECTIONS, type SectionName } from '../../shared/sections';
import type { GlanceRing } from './ring';
import type { NamedFile } from '../lib/recording-drop';

export type View = 'popover' | 'dashboard' | 'settings';
export type ProcessSortKey = 'cpu' | 'memory' | 'disk' | 'gpu' | 'power' | 'name' | 'pid';

export interface LiveSlice {
  readonly latest: Sample | null;
  /** Rolling glance history for the popover sparklines (mutable ring; see `recentVersion`). */
  readonly recent: GlanceRing;
  /** Bumped on every push into `recent`, so selectors re-render. */
  readonly recentVersion: number;
  readonly alerts: readonly AlertEvent[];
  /** Set when the API cannot be reached; cleared by the next good answer. */
  readonly connectionError: string | null;
  readonly ingest: (sample: Sample) => void;
}

export interface HistoryEntry {
  readonly result?: HistoryResult;
  readonly loading: boolean;
  readonly error?: string;
  /** Wall clock of the last request, to pace refreshes. */
  readonly requestedAt: number;
}

export interface HistorySlice {
  readonly range: HistoryRange;
  readonly seriesInfo: readonly SeriesInfo[];
  /** When the series list was last fetched (series appear as sensors and rates do). */
  readonly seriesLoadedAt: number;
  readonly byRange: Readonly<Partial<Record<HistoryRange, HistoryEntry>>>;
  /** Points per series the charts can draw (their pixel width). */
  readonly chartWidth: number;
  readonly setRange: (range: HistoryRange) => void;
  readonly setChartWidth: (px: number) => void;
  /** Wall clock until which chart refreshes wait (the user is scrolling the process tree). */
  readonly chartsPausedUntil: number;
  /** Holds chart refreshes for a moment: redrawing every chart mid-scroll would drop frames. */
  readonly pauseCharts: (ms: number) => void;
  readonly loadSeries: () => Promise<void>;
  readonly queryHistory: (range?: HistoryRange) => Promise<void>;
  readonly exportData: (options: ExportOptions) => Promise<ExportResult>;
}

export interface AppSlice {
  readonly capabilities: Capabilities | null;
  readonly settings: Settings | null;
  readonly settingsError: string | null;
  readonly saveSettings: (patch: SettingsPatch) => Promise<void>;
  readonly openDashboard: () => Promise<void>;
  readonly openSettings: () => Promise<void>;
  /** Why the last recording could not be opened (its name and bad line), cleared by the next try. */
  readonly recordingError: string | null;
  /** Opens a dropped recording (a File) in a window of its own, or the open dialog without one. */
  readonly openRecording: (file?: unknown) => Promise<void>;
  /** A drop on the dashboard: opens the one recording among the files, or says why it cannot. */
  readonly dropRecording: (files: readonly NamedFile[]) => Promise<void>;
  /** Why the last play, pause or speed change failed. */
  readonly replayError: string | null;
  readonly controlReplay: (playback: ReplayPlayback) => Promise<void>;
}

export interface UiSlice {
  readonly view: View;
  /** What the popover's top processes are ranked by. */
  readonly popoverRank: ProcessRank;
  readonly setPopoverRank: (rank: ProcessRank) => void;
  readonly processSort: ProcessSortKey;
  readonly processSortDescending: boolean;
  readonly processFilter: string;
  /** Pids whose children are shown. */
  readonly expanded: ReadonlySet<number>;
  /** Set once the roots of the first process table were expanded (so the tree is not a single line). */
  readonly treeSeeded: boolean;
  readonly setView: (view: View) => void;
  readonly setProcessSort: (key: ProcessSortKey) => void;
  readonly setProcessFilter: (text: string) => void;
  readonly toggleExpanded: (pid: number) => void;
  readonly setExpanded: (pids: Iterable<number>) => void;
}

export interface Lifecycle {
  /** Subscribes to the API and loads the first data; returns the function that stops it all. */
  readonly start: () => () => void;
}

export type AppState = LiveSlice & HistorySlice & AppSlice & UiSlice & Lifecycle;

/** Sections each view draws: the main process samples only these while the view is visible. */
export const VIEW_SECTIONS: Readonly<Record<View, readonly SectionName[]>> = {
  popover: ['host', 'cpu', 'memory', 'power', 'thermal', 'fans', 'gpu', 'rails', 'network', 'processes'],
  dashboard: SECTIONS,
  settings: ['host'],
};

/** What the current view needs sampled: its sections, plus what the popover's ranking reads. */
export function demandedSections(view: View, rank: ProcessRank): SectionName[] {
  const extra = view === 'popover' ? PROCESS_RANK_SECTIONS[rank] : [];
  return [...new Set([...VIEW_SECTIONS[view], ...extra])];
}
