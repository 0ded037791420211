/**
 * Streams a history range as CSV or JSONL: used by `nmetrics serve`'s /api/export, the app's export
 * dialog and anyone holding a HistoryResult. Rows are the union of the series' timestamps in time
 * order; a series without a point at a time leaves its cell empty (CSV) or its key out (JSONL).
 * Output is produced in chunks so a week of 1 s history never sits in memory as one string.
 */
import type { Writable } from 'node:stream';
import type { HistoryResult } from '../../shared/history-types';
import type { ExportFormat } from '../../shared/ipc';
import { csvLine, TIME_COLUMNS } from './csv';

const CHUNK_CHARS = 64 * 1024;

/** Chunks of the export file; `header` false leaves the CSV header out (a later piece of one export). */
export function* historyExportChunks(
  result: HistoryResult,
  format: ExportFormat,
  header = true,
): Generator<string> {
  if (format !== 'csv' && format !== 'jsonl')
    throw new RangeError(`format: expected "csv" or "jsonl", got "${String(format)}"`);
  const ids = result.series.map((s) => s.id);
  let buf = format === 'csv' && header ? csvLine([...TIME_COLUMNS, ...ids]) : '';
  const cursor = result.series.map(() => 0);
  for (;;) {
    let t = Infinity;
    result.series.forEach((s, i) => {
      const ti = s.t[cursor[i]!];
      if (ti !== undefined && ti < t) t = ti;
    });
    if (t === Infinity) break;
    const values: (number | undefined)[] = result.series.map((s, i) => {
      const k = cursor[i]!;
      if (s.t[k] !== t) return undefined;
      cursor[i] = k + 1;
      return s.avg[k];
    });
    if (format === 'csv') {
      buf += csvLine([new Date(t).toISOString(), Math.floor(t), ...values]);
    } else {
      const obj: Record<string, number> = {};
      values.forEach((v, i) => {
        if (v !== undefined && Number.isFinite(v)) obj[ids[i]!] = v;
      });
      buf += JSON.stringify({ time: new Date(t).toISOString(), epoch_ms: Math.floor(t), values: obj }) + '\n';
    }
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}

/**
 * Chunks of the export of a range that comes in time-ordered pieces (History.queryChunks, one per
 * segment on disk): one header, then each piece's rows, so only one piece is in memory at a time.
 * `onPiece` hears each piece after its rows are produced, with their count (progress, totals).
 */
export function* historyPiecesExport(
  pieces: Iterable<HistoryResult>,
  format: ExportFormat,
  onPiece?: (piece: HistoryResult, rows: number) => void,
): Generator<string> {
  let first = true;
  for (const piece of pieces) {
    yield* historyExportChunks(piece, format, first);
    first = false;
    onPiece?.(piece, countRows(piece));
  }
}

/** How far through [fromMs, toMs] a piece reaches, 0…1 (progress of a piecewise export). */
export function pieceProgress(piece: HistoryResult): number {
  let last = piece.fromMs;
  for (const s of piece.series) last = Math.max(last, s.t.at(-1) ?? last);
  const span = piece.toMs - piece.fromMs;
  return span <= 0 ? 1 : Math.min(1, Math.max(0, (last - piece.fromMs) / span));
}

export interface ExportCount {
  readonly rows: number;
  readonly bytes: number;
}

/** Writes the export to a stream, honouring backpressure; resolves with rows and bytes written. */
export async function writeHistoryExport(
  result: HistoryResult,
  format: ExportFormat,
  out: Writable,
): Promise<ExportCount> {
  let bytes = 0;
  for (const chunk of historyExportChunks(result, format)) {
    const data = Buffer.from(chunk, 'utf8');
    bytes += data.length;
    if (!out.write(data)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => (out.off('error', onError), resolve());
        const onError = (e: Error) => (out.off('drain', onDrain), reject(e));
        out.once('drain', onDrain).once('error', onError);
      });
    }
  }
  return { rows: countRows(result), bytes };
}

/** One row per distinct timestamp (a CSV cell could hold a line break, so lines are not counted). */
function countRows(result: HistoryResult): number {
  const times = new Set<number>();
  for (const s of result.series) for (const t of s.t) times.add(t);
  return times.size;
}
