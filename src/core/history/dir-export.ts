/**
 * Reading a range straight from a history directory, without opening it for writing (no lock: a
 * reader never changes a file, and a torn tail being written is simply where its records end). Used
 * by `nmetrics export` while `nmetrics serve` may be running. Memory is bounded by one segment.
 */
import { statSync } from 'node:fs';
import { HISTORY_RANGE_MS, type HistoryRange, type HistoryResult } from '../../shared/history-types';
import { emptyColumns } from './decimate';
import { appendBucket, segmentsFrom, visitSegment } from './disk-reader';
import { listSegments, tierDir, type SegmentFile } from './layout';
import { MAX_HISTORY_DAYS, tiersForDays } from './tier';

export interface DirChunk {
  readonly result: HistoryResult;
  /** Segment bytes read so far and in all, for a progress bar. */
  readonly doneBytes: number;
  readonly totalBytes: number;
}

export interface DirRange {
  readonly resolutionMs: number;
  readonly segments: readonly SegmentFile[];
  readonly fromMs: number;
  readonly toMs: number;
}

/** The finest tier on disk that spans the range (the default tier lengths), and its segments in it. */
export function rangeInDir(dir: string, range: HistoryRange, toMs: number): DirRange | undefined {
  const rangeMs = HISTORY_RANGE_MS[range];
  const fromMs = toMs - rangeMs;
  const persisted = tiersForDays(MAX_HISTORY_DAYS).filter((t) => t.resolutionMs >= 10_000);
  const onDisk = persisted
    .map((t) => ({ spec: t, segments: listSegments(tierDir(dir, t.resolutionMs)) }))
    .filter((t) => t.segments.length > 0);
  const pick = onDisk.find((t) => t.spec.resolutionMs * t.spec.capacity >= rangeMs) ?? onDisk.at(-1);
  if (pick === undefined) return undefined;
  return {
    resolutionMs: pick.spec.resolutionMs,
    segments: segmentsFrom(pick.segments, fromMs),
    fromMs,
    toMs,
  };
}

/** Every series id named in the range's segments, in the order first seen. */
export function seriesInRange(range: DirRange): string[] {
  const ids = new Set<string>();
  for (const segment of range.segments) {
    visitSegment(segment.path, range.fromMs, (_t, values, base, _slotOf, names) => {
      for (const [slot, name] of names) if (!Number.isNaN(values[base + slot * 3 + 1]!)) ids.add(name.id);
    });
  }
  return [...ids];
}

/** The range's buckets for `ids`, one chunk per segment, in time order. */
export function* readRangeChunks(
  range: DirRange,
  historyRange: HistoryRange,
  ids: readonly string[],
): Generator<DirChunk> {
  const sizes = range.segments.map((s) => {
    try {
      return statSync(s.path).size;
    } catch {
      return 0;
    }
  });
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let doneBytes = 0;
  let lastMs = -Infinity;
  for (const [k, segment] of range.segments.entries()) {
    const columns = ids.map(() => emptyColumns());
    visitSegment(segment.path, range.fromMs, (startMs, values, base, slotOf) => {
      if (startMs <= lastMs || startMs > range.toMs) return;
      lastMs = startMs;
      appendBucket(columns, ids, startMs, values, base, slotOf);
    });
    doneBytes += sizes[k]!;
    yield {
      result: {
        range: historyRange,
        fromMs: range.fromMs,
        toMs: range.toMs,
        series: ids.map((id, i) => ({ id, ...columns[i]! })),
      },
      doneBytes,
      totalBytes,
    };
  }
}
