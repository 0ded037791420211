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
import { decodeHeader, decodeSegment, HEADER_BYTES, type DecodedSegment } from './segment';

export interface ScannedSegment extends SegmentFile {
  /** The whole decode, for segments read in full. */
  readonly decoded?: DecodedSegment;
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
    notes.push(`segment ${basename(path)} is unreadable (${why}); moving it aside failed: ${(error as Error).message}`);
  }
}

export function scanTier(
  segments: readonly SegmentFile[],
  resolutionMs: number,
  decodeAll: boolean,
): TierScan {
  const notes: string[] = [];
  const out: ScannedSegment[] = [];
  segments.forEach((segment, k) => {
    const newest = k === segments.length - 1;
    try {
      if (!newest && !decodeAll) {
        const header = decodeHeader(readHead(segment.path));
        if (header.resolutionMs !== resolutionMs) throw new Error(`holds a ${header.resolutionMs / 1000} s tier`);
        out.push(segment);
        return;
      }
      const file = readFileSync(segment.path);
      const decoded = decodeSegment(file);
      if (decoded.header.resolutionMs !== resolutionMs)
        throw new Error(`holds a ${decoded.header.resolutionMs / 1000} s tier`);
      if (decoded.problem !== undefined) {
        if (!newest) throw new Error(`${decoded.problem} at byte ${decoded.validBytes}`);
        truncateSync(segment.path, decoded.validBytes);
        notes.push(
          `cut ${file.length - decoded.validBytes} bytes of a torn record (${decoded.problem}) from the end of ${basename(segment.path)}`,
        );
      }
      if (!decoded.records.some((r) => r.type === 'bucket')) {
        unlinkSync(segment.path);
        return;
      }
      out.push({ ...segment, decoded });
    } catch (error) {
      setAside(segment.path, (error as Error).message, notes);
    }
  });
  return { segments: out, notes };
}
