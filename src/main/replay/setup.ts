/**
 * Recordings in the app, put together: replay windows reading files through read-recording.ts,
 * "Open Recording…" through the open dialog, and the renderer's replay:open (a dropped file's path,
 * or null for the dialog). A dropped file that cannot be replayed rejects to the page that asked,
 * which says why; from the dialog, an error box says it.
 */
import type { OpenDialogOptions } from 'electron';
import { chooseAndOpenRecordings } from './choose-recording';
import { readRecordingFile } from './read-recording';
import {
  createReplayWindows,
  type ReplayWindowLike,
  type ReplayWindows,
  type ReplayWindowsDeps,
} from './replay-windows';

export interface RecordingsDeps<W extends ReplayWindowLike> extends Omit<ReplayWindowsDeps<W>, 'read'> {
  /** dialog.showOpenDialog, attached to the window of `askedBy` (a WebContents id) when one asked. */
  readonly showOpenDialog: (
    options: OpenDialogOptions,
    askedBy?: number,
  ) => Promise<{ canceled: boolean; filePaths: string[] }>;
  readonly showError: (title: string, message: string) => void;
  /** Reads a recording (tests); default read-recording.ts. */
  readonly read?: ReplayWindowsDeps<W>['read'];
}

export interface Recordings<W> {
  readonly windows: ReplayWindows<W>;
  /** The menu item (or a page's button, `askedBy` its WebContents id): the open dialog, then a window per file. */
  chooseAndOpen(askedBy?: number): Promise<void>;
  /** replay:open from a page: null asks with the dialog; a path opens that file or rejects with why not. */
  open(path: string | null, askedBy?: number): Promise<void>;
}

export function setupRecordings<W extends ReplayWindowLike>(deps: RecordingsDeps<W>): Recordings<W> {
  const windows = createReplayWindows({ ...deps, read: deps.read ?? readRecordingFile });
  const chooseAndOpen = (askedBy?: number): Promise<void> =>
    chooseAndOpenRecordings({
      showOpenDialog: (options) => deps.showOpenDialog(options, askedBy),
      open: (path) => windows.open(path),
      showError: deps.showError,
    });
  return {
    windows,
    chooseAndOpen,
    async open(path, askedBy) {
      if (path === null) return chooseAndOpen(askedBy);
      await windows.open(path);
    },
  };
}
