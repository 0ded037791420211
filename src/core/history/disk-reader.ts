/**
 * Reading a persisted tier back, one segment at a time (queries beyond the in-memory rings, exports,
 * start-up). A segment that cannot be read is skipped here (scan.ts sets it aside at start-up); a
 * damaged tail ends that segment's records, never misreads them.
 */
import { emptyColumns, type PointColumns } from './decimate';
import { listSegments, type SegmentFile } from './layout';
import { walkSegment, type SeriesName } from './segment';
import { readSegmentWithIdentity, withSegmentAsync, type SegmentIdentity } from './segment-file';

export interface BucketVisitor {
  /**
   * A bucket record: column k's min, avg, max are values[base + 3k ..]; `slotOf(id)` gives a
   * series' column, or -1 when the segment has none.
   */
  (
    startMs: number,
    values: Float32Array,
    base: number,
    slotOf: (id: string) => number,
    names: ReadonlyMap<number, SeriesName>,
  ): void;
}

/** Segments that may hold buckets at or after fromMs. */
export function segmentsFrom(segments: readonly SegmentFile[], fromMs: number): SegmentFile[] {
  return segments.filter((s, k) => (segments[k + 1]?.startMs ?? Infinity) > fromMs);
}

/**
 * Bytes of each segment this process already checked, record by record. Segments are append-only
 * (disk-writer.ts) and cut only at start-up (scan.ts), so while a file keeps its inode and birth
 * time and has not shrunk, those bytes are what was checked: a long query re-reads a year of
 * segments without checksumming 21 MB again. Bounded: a year's tiers hold a few dozen segments.
 */
const checked = new Map<string, SegmentIdentity & { readonly validBytes: number }>();
const MAX_CHECKED = 256;

function trustedBytes(path: string, identity: SegmentIdentity): number {
  const known = checked.get(path);
  if (
    known === undefined ||
    known.ino !== identity.ino ||
    known.birthtimeMs !== identity.birthtimeMs ||
    known.size > identity.size
  )
    return 0;
  return known.validBytes;
}

/** Walks one segment's bytes, telling `visit` of each bucket from fromMs on (visitSegment's rules). */
function visitBytes(
  path: string,
  file: Buffer,
  identity: SegmentIdentity,
  fromMs: number,
  visit: BucketVisitor,
): void {
  const names = new Map<number, SeriesName>();
  const slots = new Map<string, number>();
  const slotOf = (id: string): number => slots.get(id) ?? -1;
  const walked = walkSegment(
    file,
    {
      assign(slot, series) {
        const old = names.get(slot);
        if (old !== undefined && slots.get(old.id) === slot) slots.delete(old.id);
        if (series === undefined) names.delete(slot);
        else {
          names.set(slot, series);
          slots.set(series.id, slot);
        }
      },
      bucket(startMs, values, base) {
        if (startMs >= fromMs) visit(startMs, values, base, slotOf, names);
      },
    },
    trustedBytes(path, identity),
  );
  if (checked.size >= MAX_CHECKED) checked.clear();
  checked.set(path, { ...identity, validBytes: walked.validBytes });
}

/**
 * Visits every bucket of one segment in file order; false when the file could not be read. The
 * values the visitor sees are valid during the call only (the read buffer is shared).
 */
export function visitSegment(path: string, fromMs: number, visit: BucketVisitor): boolean {
  try {
    const { file, identity } = readSegmentWithIdentity(path);
    visitBytes(path, file, identity, fromMs, visit);
    return true;
  } catch {
    return false;
  }
}

/** visitSegment with the file read off the event loop (segment-file.ts withSegmentAsync). */
export async function visitSegmentAsync(
  path: string,
  fromMs: number,
  visit: BucketVisitor,
): Promise<boolean> {
  try {
    await withSegmentAsync(path, (file, identity) => visitBytes(path, file, identity, fromMs, visit));
    return true;
  } catch {
    return false;
  }
}

/** The series' closed buckets of a tier from fromMs on, oldest first. */
export function readTier(folder: string, ids: readonly string[], fromMs: number): PointColumns[] {
  const { out, visit } = tierCollector(ids);
  for (const segment of segmentsFrom(listSegments(folder), fromMs)) visitSegment(segment.path, fromMs, visit);
  return out;
}

/**
 * readTier without holding the event loop for the whole range: each segment (a few MB, at most an
 * eighth of the tier) is read on the thread pool and walked in one turn, so a year costs the loop
 * about a dozen short turns instead of one of 20–60 ms (`nmetrics serve`, Electron's main process).
 */
export async function readTierAsync(
  folder: string,
  ids: readonly string[],
  fromMs: number,
): Promise<PointColumns[]> {
  const { out, visit } = tierCollector(ids);
  for (const segment of segmentsFrom(listSegments(folder), fromMs))
    await visitSegmentAsync(segment.path, fromMs, visit);
  return out;
}

function tierCollector(ids: readonly string[]): { out: PointColumns[]; visit: BucketVisitor } {
  const out = ids.map(() => emptyColumns());
  let lastMs = -Infinity;
  const visit: BucketVisitor = (startMs, values, base, slotOf) => {
    // Buckets only move forward (store.ts never reopens an older one); a repeat is not data.
    if (startMs <= lastMs) return;
    lastMs = startMs;
    appendBucket(out, ids, startMs, values, base, slotOf);
  };
  return { out, visit };
}

export function appendBucket(
  out: readonly PointColumns[],
  ids: readonly string[],
  startMs: number,
  values: Float32Array,
  base: number,
  slotOf: (id: string) => number,
): void {
  for (let k = 0; k < ids.length; k++) {
    const slot = slotOf(ids[k]!);
    if (slot < 0) continue;
    const at = base + slot * 3;
    const avg = values[at + 1]!;
    if (Number.isNaN(avg)) continue;
    const columns = out[k]!;
    columns.t.push(startMs);
    columns.min.push(values[at]!);
    columns.avg.push(avg);
    columns.max.push(values[at + 2]!);
  }
}
