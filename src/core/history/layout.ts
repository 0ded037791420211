/**
 * Where durable history lives in its directory, and which segments retention removes.
 *
 *   <dir>/LOCK                         pid of the one process writing here (lock.ts)
 *   <dir>/tier-<seconds>s/<start>.seg  segments of one tier; <start> = first bucket, ms, 16 digits,
 *                                      so names sort in time order
 *   <dir>/.../<name>.corrupt-<time>    a segment that could not be read, set aside
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Segments per tier span: retention frees an eighth of a tier at a time, never the whole of it. */
export const SEGMENTS_PER_SPAN = 8;
const NAME = /^(\d{16})\.seg$/;

export interface SegmentFile {
  readonly path: string;
  readonly startMs: number;
}

export const tierDir = (dir: string, resolutionMs: number): string =>
  join(dir, `tier-${resolutionMs / 1000}s`);

export const segmentName = (startMs: number): string => `${String(startMs).padStart(16, '0')}.seg`;

/** Time one segment covers before the writer starts the next. */
export const segmentSpanMs = (resolutionMs: number, capacity: number): number =>
  Math.max(resolutionMs, Math.floor(capacity / SEGMENTS_PER_SPAN) * resolutionMs);

/** The tier's segments, oldest first; [] when the folder does not exist. */
export function listSegments(folder: string): SegmentFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: SegmentFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (m !== null) out.push({ path: join(folder, name), startMs: Number(m[1]) });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/**
 * Segments whose every bucket is older than `cutoffMs`: a segment ends where the next begins, so it
 * expires once its successor starts at or before the cutoff. The newest segment never expires here.
 */
export function expiredSegments(segments: readonly SegmentFile[], cutoffMs: number): SegmentFile[] {
  const out: SegmentFile[] = [];
  for (let k = 0; k + 1 < segments.length; k++) {
    if (segments[k + 1]!.startMs <= cutoffMs) out.push(segments[k]!);
  }
  return out;
}

/** Each slot's series at the end of a run of assign records (the mapping a bucket record uses). */
export type SlotNames = Map<number, { id: string; label: string; unit: string }>;
