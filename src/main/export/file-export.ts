/**
 * Export of a history range to a file the user picked: the history hands the range over in
 * time-ordered pieces (a segment at a time from disk, so a year never sits in memory), the engine's
 * exporter (core/export) turns them into text, streamed through core's one atomic writer
 * (src/core/files: temp file beside the target, fsync, rename, folder fsync), so the chosen path
 * holds a complete file or is left untouched (never a silent half-file). Progress is how far
 * through the range the pieces written so far reach.
 */
import { writeChunksAtomic } from '../../core/files';
import type { HistoryResult } from '../../shared/history-types';
import type { ExportFormat, ExportOptions, ExportResult } from '../../shared/ipc';

export interface FileExportDeps {
  /** Shows the save dialog; undefined when the user cancelled. */
  readonly chooseFile: (defaultName: string, format: ExportFormat) => Promise<string | undefined>;
  /** The range in time-ordered pieces (History.queryChunks). */
  readonly query: (options: ExportOptions) => Iterable<HistoryResult>;
  /** The engine's piecewise exporter (core/export/history-export historyPiecesExport). */
  readonly chunks: (
    pieces: Iterable<HistoryResult>,
    format: ExportFormat,
    onPiece: (piece: HistoryResult, rows: number) => void,
  ) => Iterable<string>;
  /** How far through the range a piece reaches, 0…1 (core/export pieceProgress). */
  readonly progressOf: (piece: HistoryResult) => number;
  /** 0…1, called as rows are written (at most once per chunk). */
  readonly onProgress?: (fraction: number) => void;
  readonly now?: () => Date;
}

/** "darwinmetrics-1h-2026-03-01-1405.csv": sortable, no characters any file system dislikes. */
export function defaultExportName(options: ExportOptions, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}`;
  return `darwinmetrics-${options.range}-${stamp}.${options.format}`;
}

export async function exportToFile(options: ExportOptions, deps: FileExportDeps): Promise<ExportResult> {
  const path = await deps.chooseFile(
    defaultExportName(options, (deps.now ?? (() => new Date()))()),
    options.format,
  );
  if (path === undefined) return { saved: false, rows: 0, bytes: 0 };
  let bytes = 0;
  let rows = 0;
  // The exporter hears of a piece once its chunks were written: that is when the file reaches it.
  const onPiece = (piece: HistoryResult, n: number): void => {
    rows += n;
    deps.onProgress?.(deps.progressOf(piece));
  };
  function* counted(): Generator<Uint8Array> {
    for (const chunk of deps.chunks(deps.query(options), options.format, onPiece)) {
      const data = Buffer.from(chunk, 'utf8');
      yield data;
      bytes += data.length;
    }
  }
  // 0o644 as any document the user saves: the export is theirs to share, unlike our own state files.
  await writeChunksAtomic(path, counted(), { mode: 0o644 });
  deps.onProgress?.(1);
  return { saved: true, path, rows, bytes };
}
