/**
 * Export of a history range to a file the user picked: the engine's exporter (core/export) produces
 * the text in chunks, streamed through core's one atomic writer (src/core/files: temp file beside
 * the target, fsync, rename, folder fsync), so the chosen path holds a complete file or is left
 * untouched (never a silent half-file). Progress is
 * reported as the share of rows written.
 */
import { writeChunksAtomic } from '../../core/files';
import type { HistoryResult } from '../../shared/history-types';
import type { ExportFormat, ExportOptions, ExportResult } from '../../shared/ipc';

export interface FileExportDeps {
  /** Shows the save dialog; undefined when the user cancelled. */
  readonly chooseFile: (defaultName: string, format: ExportFormat) => Promise<string | undefined>;
  readonly query: (options: ExportOptions) => Promise<HistoryResult> | HistoryResult;
  /** The engine's chunked exporter (core/export/history-export historyExportChunks). */
  readonly chunks: (result: HistoryResult, format: ExportFormat) => Iterable<string>;
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

/** Rows the exporter writes: one per distinct timestamp across the series. */
function rowCount(result: HistoryResult): number {
  const times = new Set<number>();
  for (const s of result.series) for (const t of s.t) times.add(t);
  return times.size;
}

function countNewlines(chunk: string): number {
  let n = 0;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) n += 1;
  return n;
}

export async function exportToFile(options: ExportOptions, deps: FileExportDeps): Promise<ExportResult> {
  const path = await deps.chooseFile(
    defaultExportName(options, (deps.now ?? (() => new Date()))()),
    options.format,
  );
  if (path === undefined) return { saved: false, rows: 0, bytes: 0 };
  const result = await deps.query(options);
  const rows = rowCount(result);
  // CSV has a header line; JSONL has none. Series ids and numbers hold no line breaks, so lines ≈ rows.
  const lines = rows + (options.format === 'csv' ? 1 : 0);
  let bytes = 0;
  let written = 0;
  function* counted(): Generator<Uint8Array> {
    for (const chunk of deps.chunks(result, options.format)) {
      const data = Buffer.from(chunk, 'utf8');
      yield data;
      bytes += data.length;
      written += countNewlines(chunk);
      deps.onProgress?.(lines === 0 ? 1 : Math.min(1, written / lines));
    }
  }
  // 0o644 as any document the user saves: the export is theirs to share, unlike our own state files.
  await writeChunksAtomic(path, counted(), { mode: 0o644 });
  deps.onProgress?.(1);
  return { saved: true, path, rows, bytes };
}
