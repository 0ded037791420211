/**
 * Start-up check of one persisted tier: every segment's header is read; a segment that cannot be
 * read is set aside (`<name>.corrupt-<time>`) and reported, the rest of the history loads. The newest
 * segment, the one a killed writer was appending to, is decoded whole: a torn or damaged tail is cut
 * at the last whole record (truncate(2)) and reported. A segment without any bucket holds nothing
 * and is removed. Older segments are decoded whole only for the tier that refills memory; the others
 * are checked record by record when a query reads them (disk-reader.ts).
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, truncateSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import type { SegmentFile } from './layout';
import {
  decodeHeader,
  decodeSegment,
  HEADER_BYTES,
  walkSegment,
  type DecodedSegment,
  type RecordVisitor,
} from './segment';
import { readSegmentShared } from './segment-file';

export interface ScannedSegment extends SegmentFile {
  /** The whole decode, for segments read in full and retained (ScanOptions.retain). */
  readonly decoded?: DecodedSegment;
  /** The newest bucket start among the records, for segments read in full. */
  readonly lastBucketMs?: number;
}

export interface TierScan {
  readonly segments: readonly ScannedSegment[];
  /** What was cut, set aside or removed, one sentence each. */
  readonly notes: readonly string[];
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const n = readSync(fd, head, 0, HEADER_BYTES, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function setAside(path: string, why: string, notes: string[]): void {
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, aside);
    notes.push(`set aside unreadable segment ${basename(path)} (${why}) as ${basename(aside)}`);
  } catch (error) {
    notes.push(
      `segment ${basename(path)} is unreadable (${why}); moving it aside failed: ${(error as Error).message}`,
    );
  }
}

export interface ScanOptions {
  /** Decode every segment (the tier that refills memory), not only the newest. */
  readonly decodeAll: boolean;
  /** A visitor for each segment read whole, oldest first, once it checked clean (the ring refill). */
  readonly visitor?: () => RecordVisitor;
  /** Whether to keep a decode in the result (by default none: only lastBucketMs). */
  readonly retain?: (segment: SegmentFile) => boolean;
}

export function scanTier(
  segments: readonly SegmentFile[],
  resolutionMs: number,
  options: ScanOptions,
): TierScan {
  const { decodeAll, visitor } = options;
  const retain = options.retain ?? (() => false);
  const notes: string[] = [];
  const out: ScannedSegment[] = [];
  segments.forEach((segment, k) => {
    const newest = k === segments.length - 1;
    try {
      if (!newest && !decodeAll) {
        const header = decodeHeader(readHead(segment.path));
        if (header.resolutionMs !== resolutionMs)
          throw new Error(`holds a ${header.resolutionMs / 1000} s tier`);
        out.push(segment);
        return;
      }
      // A kept decode needs its own bytes; the others share one read buffer (segment-file.ts).
      const keep = retain(segment);
      const file = keep ? readFileSync(segment.path) : readSegmentShared(segment.path);
      let buckets = 0;
      let lastBucketMs = -Infinity;
      // First every record's checksum, then (when clean) the visitor, so a segment set aside for
      // damage half-way leaves nothing of itself in memory either.
      const walked = walkSegment(file, {
        bucket: (startMs) => {
          buckets += 1;
          if (startMs > lastBucketMs) lastBucketMs = startMs;
        },
      });
      if (walked.header.resolutionMs !== resolutionMs)
        throw new Error(`holds a ${walked.header.resolutionMs / 1000} s tier`);
      if (walked.problem !== undefined) {
        if (!newest) throw new Error(`${walked.problem} at byte ${walked.validBytes}`);
        truncateSync(segment.path, walked.validBytes);
        notes.push(
          `cut ${file.length - walked.validBytes} bytes of a torn record (${walked.problem}) from the end of ${basename(segment.path)}`,
        );
      }
      if (buckets === 0) {
        unlinkSync(segment.path);
        return;
      }
      const valid = file.subarray(0, walked.validBytes);
      if (visitor !== undefined) walkSegment(valid, visitor(), valid.length);
      // Older decodes are dropped as soon as they were used: a day of 10 s buckets is 21 MB.
      out.push({
        ...segment,
        lastBucketMs,
        ...(keep ? { decoded: decodeSegment(valid, valid.length) } : {}),
      });
    } catch (error) {
      setAside(segment.path, (error as Error).message, notes);
    }
  });
  return { segments: out, notes };
}
