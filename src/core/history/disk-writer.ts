/**
 * Appends closed buckets of the persisted tiers to their segments (format in segment.ts, folders in
 * layout.ts). Writes are proportional to new data: one fixed-size bucket record per closed bucket
 * (16 + 12 × slots bytes), an assign record when a series takes or leaves a slot, and a fresh
 * segment (header and one assign per live series) each eighth of a tier's span.
 *
 * Each record is one write(2) on a file opened for appending, so once write returns the bytes are in
 * the kernel's page cache and survive the process being killed (kill -9); only the open bucket, at
 * most one 10 s bucket of the finest persisted tier, is lost. A power cut can lose what the kernel
 * had not yet written back; segments are fsynced when they are finished and when history closes.
 * A torn last record is cut at the next start (scan.ts).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expiredSegments, listSegments, segmentName, segmentSpanMs, tierDir } from './layout';
import { encodeAssign, encodeBucket, encodeClose, encodeHeader } from './segment';
import type { HistoryStore, StoreListener } from './store';
import type { SeriesStore } from './tier';

interface OpenSegment {
  readonly fd: number;
  readonly startMs: number;
}

export interface DiskWriterOptions {
  readonly dir: string;
  readonly store: HistoryStore;
  /** Per tier of the store: whether its buckets go to disk. */
  readonly persisted: readonly boolean[];
  /** Told of a failed write (a full disk); the history goes on in memory. */
  readonly onError: (error: Error) => void;
}

export class DiskWriter implements StoreListener {
  /** Bytes written since start, headers included (bench/history-durable). */
  bytesWritten = 0;
  private readonly segments: (OpenSegment | undefined)[];
  private readonly scratch: (Float32Array | undefined)[];
  private failed = false;

  constructor(private readonly options: DiskWriterOptions) {
    const { store, persisted } = options;
    this.segments = store.tiers.map(() => undefined);
    this.scratch = store.tiers.map((tier, i) => {
      if (persisted[i] !== true) return undefined;
      if (!tier.spec.peaks) throw new RangeError(`tiers[${i}]: a persisted tier must keep peaks`);
      mkdirSync(tierDir(options.dir, tier.spec.resolutionMs), { recursive: true, mode: 0o700 });
      return new Float32Array(store.maxSeries * 3);
    });
  }

  assign(series: SeriesStore): void {
    const record = encodeAssign(series.slot, { id: series.id, label: series.label, unit: series.unit });
    for (const segment of this.segments) if (segment !== undefined) this.write(segment, record);
  }

  release(series: SeriesStore): void {
    const record = encodeAssign(series.slot, undefined);
    for (const segment of this.segments) if (segment !== undefined) this.write(segment, record);
  }

  closed(tierIndex: number, bucket: number, ringSlot: number): void {
    const values = this.scratch[tierIndex];
    if (values === undefined) return;
    const { store } = this.options;
    const resolutionMs = store.tiers[tierIndex]!.spec.resolutionMs;
    values.fill(NaN);
    let any = false;
    for (const series of store.series.values()) {
      const data = series.data[tierIndex]!;
      const base = ringSlot * 3;
      values[series.slot * 3] = data[base]!;
      values[series.slot * 3 + 1] = data[base + 1]!;
      values[series.slot * 3 + 2] = data[base + 2]!;
      if (!Number.isNaN(data[base + 1]!)) any = true;
    }
    if (!any) return; // an empty bucket (a gap) costs nothing
    const startMs = bucket * resolutionMs;
    let segment: OpenSegment;
    try {
      segment = this.segmentFor(tierIndex, startMs);
    } catch (error) {
      this.report(error as Error);
      return;
    }
    this.write(segment, encodeBucket(startMs, values));
  }

  /** Marks a clean shutdown, fsyncs and closes every segment. */
  close(t: number): void {
    for (const [i, segment] of this.segments.entries()) {
      if (segment === undefined) continue;
      this.write(segment, encodeClose(t));
      this.finish(segment);
      this.segments[i] = undefined;
    }
  }

  private segmentFor(tierIndex: number, startMs: number): OpenSegment {
    const { store, dir } = this.options;
    const spec = store.tiers[tierIndex]!.spec;
    const current = this.segments[tierIndex];
    if (current !== undefined && startMs < current.startMs + segmentSpanMs(spec.resolutionMs, spec.capacity))
      return current;
    if (current !== undefined) this.finish(current);
    const folder = tierDir(dir, spec.resolutionMs);
    this.expire(folder, startMs + spec.resolutionMs - spec.resolutionMs * spec.capacity);
    // 'ax': a new segment never lands on an old file (scan.ts removes segments without buckets).
    const fd = openSync(join(folder, segmentName(startMs)), 'ax', 0o600);
    const segment: OpenSegment = { fd, startMs };
    this.segments[tierIndex] = segment;
    this.write(segment, encodeHeader({ resolutionMs: spec.resolutionMs, slots: store.maxSeries }));
    for (const series of store.series.values()) {
      if (series.announced)
        this.write(
          segment,
          encodeAssign(series.slot, { id: series.id, label: series.label, unit: series.unit }),
        );
    }
    return segment;
  }

  /** Retention: deletes the segments wholly older than the tier's window. */
  private expire(folder: string, cutoffMs: number): void {
    for (const old of expiredSegments(listSegments(folder), cutoffMs)) {
      try {
        unlinkSync(old.path);
      } catch (error) {
        this.report(error as Error);
      }
    }
  }

  private write(segment: OpenSegment, data: Buffer): void {
    try {
      let done = 0;
      while (done < data.length) done += writeSync(segment.fd, data, done);
      this.bytesWritten += data.length;
      this.failed = false;
    } catch (error) {
      this.report(error as Error);
    }
  }

  private finish(segment: OpenSegment): void {
    try {
      fsyncSync(segment.fd);
    } catch (error) {
      this.report(error as Error);
    }
    closeSync(segment.fd);
  }

  /** One report per run of failures, not one per record of a full disk. */
  private report(error: Error): void {
    if (!this.failed) this.options.onError(error);
    this.failed = true;
  }
}
