/**
 * Reading a persisted tier back, one segment at a time (queries beyond the in-memory rings, exports,
 * start-up). A segment that cannot be read is skipped here (scan.ts sets it aside at start-up); a
 * damaged tail ends that segment's records, never misreads them.
 */
import { emptyColumns, type PointColumns } from './decimate';
import { listSegments, type SegmentFile } from './layout';
import { decodeSegment, type SeriesName } from './segment';
import { readSegmentShared } from './segment-file';

export interface BucketVisitor {
  /** A bucket record: `slotOf(id)` gives a series' column, or -1 when the segment has none. */
  (
    startMs: number,
    values: Float32Array,
    slotOf: (id: string) => number,
    names: ReadonlyMap<number, SeriesName>,
  ): void;
}

/** Segments that may hold buckets at or after fromMs. */
export function segmentsFrom(segments: readonly SegmentFile[], fromMs: number): SegmentFile[] {
  return segments.filter((s, k) => (segments[k + 1]?.startMs ?? Infinity) > fromMs);
}

/**
 * Visits every bucket of one segment in file order; false when the file could not be read. The
 * values the visitor sees are valid during the call only (the read buffer is shared).
 */
export function visitSegment(path: string, fromMs: number, visit: BucketVisitor): boolean {
  let decoded;
  try {
    decoded = decodeSegment(readSegmentShared(path));
  } catch {
    return false;
  }
  const names = new Map<number, SeriesName>();
  const slots = new Map<string, number>();
  const slotOf = (id: string): number => slots.get(id) ?? -1;
  for (const record of decoded.records) {
    if (record.type === 'assign') {
      const old = names.get(record.slot);
      if (old !== undefined && slots.get(old.id) === record.slot) slots.delete(old.id);
      if (record.series === undefined) names.delete(record.slot);
      else {
        names.set(record.slot, record.series);
        slots.set(record.series.id, record.slot);
      }
    } else if (record.type === 'bucket' && record.startMs >= fromMs) {
      visit(record.startMs, record.values, slotOf, names);
    }
  }
  return true;
}

/** The series' closed buckets of a tier from fromMs on, oldest first. */
export function readTier(folder: string, ids: readonly string[], fromMs: number): PointColumns[] {
  const out = ids.map(() => emptyColumns());
  let lastMs = -Infinity;
  for (const segment of segmentsFrom(listSegments(folder), fromMs)) {
    visitSegment(segment.path, fromMs, (startMs, values, slotOf) => {
      // Buckets only move forward (store.ts never reopens an older one); a repeat is not data.
      if (startMs <= lastMs) return;
      lastMs = startMs;
      appendBucket(out, ids, startMs, values, slotOf);
    });
  }
  return out;
}

export function appendBucket(
  out: readonly PointColumns[],
  ids: readonly string[],
  startMs: number,
  values: Float32Array,
  slotOf: (id: string) => number,
): void {
  ids.forEach((id, k) => {
    const slot = slotOf(id);
    if (slot < 0) return;
    const avg = values[slot * 3 + 1]!;
    if (Number.isNaN(avg)) return;
    const columns = out[k]!;
    columns.t.push(startMs);
    columns.min.push(values[slot * 3]!);
    columns.avg.push(avg);
    columns.max.push(values[slot * 3 + 2]!);
  });
}
