/**
 * Rebuilding the in-memory store from scanned segments at start-up:
 * - the finest persisted tier (10 s) refills its ring, and its series come back (up to the cap);
 * - each coarser tier's open bucket, lost with the process, is rebuilt from the 10 s buckets since
 *   it began (min of mins, max of maxes, mean of the 10 s averages), so a crash costs at most the
 *   open 10 s bucket in every tier;
 * - every persisted tier resumes after its newest bucket on disk, so buckets stay in time order even
 *   when the clock was set back while the app was not running.
 */
import type { FineSnapshot } from './fine-snapshot';
import type { RecordVisitor, SegmentRecord } from './segment';
import type { ScannedSegment } from './scan';
import type { HistoryStore } from './store';
import type { SeriesStore } from './tier';

const ACC = 4;
/** Buckets copied per block by the ring refill. */
const BLOCK = 64;

/** Calls visit for each bucket record of the segments in order, with the slot → series mapping. */
function eachBucket(
  segments: readonly Pick<ScannedSegment, 'decoded'>[],
  visit: (startMs: number, values: Float32Array, names: ReadonlyMap<number, SeriesStoreName>) => void,
): void {
  let lastMs = -Infinity;
  for (const segment of segments) {
    const names = new Map<number, SeriesStoreName>();
    for (const record of segment.decoded?.records ?? ([] as SegmentRecord[])) {
      if (record.type === 'assign') {
        if (record.series === undefined) names.delete(record.slot);
        else names.set(record.slot, record.series);
      } else if (record.type === 'bucket' && record.startMs > lastMs) {
        lastMs = record.startMs;
        visit(record.startMs, record.values, names);
      }
    }
  }
}

interface SeriesStoreName {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
}

function seriesFor(store: HistoryStore, name: SeriesStoreName): SeriesStore | undefined {
  let series = store.series.get(name.id);
  if (series === undefined) {
    series = store.adopt(name.id);
    if (series === undefined) return undefined;
    series.born.fill(-1);
  }
  series.label = name.label;
  series.unit = name.unit;
  return series;
}

/**
 * Refills the ring of tier `ringTier` from its segments, one segment at a time (oldest first), so
 * only one segment's bytes are in memory besides the ring. A later bucket overwrites the ring slot
 * of an older one for every series, as closing a bucket does.
 */
export class RingRefill {
  /** Newest bucket start seen, ms. */
  lastMs: number | undefined;

  constructor(
    private readonly store: HistoryStore,
    private readonly ringTier: number,
  ) {}

  /** A visitor for the next segment's records (walkSegment). */
  segment(): RecordVisitor {
    const { store, ringTier } = this;
    const tier = store.tiers[ringTier]!;
    const res = tier.spec.resolutionMs;
    // Column → series of this segment, resolved once per assign record rather than once per value.
    const bySlot: (SeriesStore | undefined)[] = [];
    /** Columns holding a series; rebuilt at the next flush after assign records changed it. */
    let used: number[] | undefined = [];
    // Buckets are copied a block at a time, series by series: the records are rows of every series,
    // the ring one array per series, and a block of rows (64 × 2.4 KB) stays in cache while each
    // series' run is written, instead of touching 200 arrays per bucket.
    const bases: number[] = [];
    const tos: number[] = [];
    let values: Float32Array<ArrayBufferLike> = new Float32Array(0);
    const flush = (): void => {
      if (bases.length === 0) return;
      used ??= bySlot.flatMap((s, k) => (s === undefined ? [] : [k]));
      for (const slot of used) {
        const series = bySlot[slot]!;
        const data = series.data[ringTier]!;
        let newest = -1;
        for (let j = 0; j < bases.length; j++) {
          const from = bases[j]! + slot * 3;
          if (Number.isNaN(values[from + 1]!)) continue;
          const to = tos[j]! * 3;
          data[to] = values[from]!;
          data[to + 1] = values[from + 1]!;
          data[to + 2] = values[from + 2]!;
          newest = j;
        }
        const last = newest < 0 ? -Infinity : tier.slotBucket[tos[newest]!]! * res + res - 1;
        if (last > series.lastReportMs) series.lastReportMs = last;
      }
      bases.length = 0;
      tos.length = 0;
    };
    return {
      assign: (slot, name) => {
        flush();
        bySlot[slot] = name === undefined ? undefined : seriesFor(store, name);
        used = undefined;
      },
      bucket: (startMs, floats, base) => {
        if (startMs <= (this.lastMs ?? -Infinity) || startMs % res !== 0) return; // out of order or off grid
        this.lastMs = startMs;
        const bucket = startMs / res;
        const ringSlot = bucket % tier.ring;
        if (floats !== values || bases.length === BLOCK) flush();
        values = floats;
        // On the ring's first lap every slot is still NaN; after that, clear what older buckets left.
        if (tier.slotBucket[ringSlot] !== -1) {
          flush();
          for (const series of store.series.values())
            series.data[ringTier]!.fill(NaN, ringSlot * 3, ringSlot * 3 + 3);
        }
        tier.slotBucket[ringSlot] = bucket;
        bases.push(base);
        tos.push(ringSlot);
      },
      end: flush,
    };
  }

  /** Resumes the tier after its newest bucket; returns that bucket's start, ms. */
  finish(): number | undefined {
    const tier = this.store.tiers[this.ringTier]!;
    if (this.lastMs === undefined) return undefined;
    tier.open = Math.floor(this.lastMs / tier.spec.resolutionMs) + 1;
    this.store.lastT = Math.max(this.store.lastT, this.lastMs + tier.spec.resolutionMs - 1);
    return this.lastMs;
  }
}

/**
 * Resumes coarse tier `i` after its newest bucket on disk (`lastMs`), rebuilding its open bucket
 * from the finer tier's segments when they reach past that bucket.
 */
export function resumeCoarse(
  store: HistoryStore,
  i: number,
  lastMs: number | undefined,
  finerSegments: readonly ScannedSegment[],
  finerLastMs: number | undefined,
): void {
  const tier = store.tiers[i]!;
  const res = tier.spec.resolutionMs;
  const resumeAt = lastMs === undefined ? -1 : Math.floor(lastMs / res) + 1;
  if (finerLastMs === undefined || Math.floor(finerLastMs / res) < resumeAt) {
    tier.open = resumeAt;
    return;
  }
  tier.open = Math.floor(finerLastMs / res);
  const fromMs = tier.open * res;
  eachBucket(finerSegments, (startMs, values, names) => {
    if (startMs < fromMs) return;
    for (const [slot, name] of names) {
      const avg = values[slot * 3 + 1]!;
      if (Number.isNaN(avg)) continue;
      const series = store.series.get(name.id);
      if (series === undefined) continue;
      const acc = series.acc;
      const o = i * ACC;
      const lo = values[slot * 3]!;
      const hi = values[slot * 3 + 2]!;
      acc[o + 2] = acc[o] === 0 ? lo : Math.min(acc[o + 2]!, lo);
      acc[o + 3] = acc[o] === 0 ? hi : Math.max(acc[o + 3]!, hi);
      acc[o] = acc[o]! + 1;
      acc[o + 1] = acc[o + 1]! + avg;
    }
  });
}

/**
 * Puts a 1 s tier snapshot (fine-snapshot.ts) back into memory tier `i`: the buckets that start
 * within the tier's span before `nowMs` and not after it; older ones are past the tier's reach, and
 * newer ones (the clock was set back since) would hold the tier until the clock caught up. The tier
 * resumes after the newest bucket kept. Returns how many buckets with a value it kept, dropped, and
 * dropped for lying after `nowMs`.
 */
export function restoreFine(
  store: HistoryStore,
  i: number,
  snapshot: FineSnapshot,
  nowMs: number,
): { kept: number; dropped: number; future: number } {
  const tier = store.tiers[i]!;
  const res = tier.spec.resolutionMs;
  // Buckets of the snapshot that hold a value, as [first, end) bucket ids: what "dropped" counts.
  const { firstBucket: first, buckets, values } = snapshot;
  const filled = (b: number): boolean =>
    snapshot.series.some((_, k) => !Number.isNaN(values[k * buckets + (b - first)]!));
  const countFilled = (from: number, end: number): number => {
    let n = 0;
    for (let b = Math.max(from, first); b < Math.min(end, first + buckets); b++) if (filled(b)) n += 1;
    return n;
  };
  const all = countFilled(first, first + buckets);
  const future = countFilled(Math.floor(nowMs / res) + 1, Infinity);
  if (snapshot.resolutionMs !== res) return { kept: 0, dropped: all, future };
  const to = Math.min(snapshot.firstBucket + snapshot.buckets, Math.floor(nowMs / res) + 1);
  const from = Math.max(snapshot.firstBucket, Math.ceil((nowMs - tier.spanMs) / res), to - tier.ring);
  if (to <= from) return { kept: 0, dropped: all, future };
  // Buckets after the newest one already in the tier are all this may add (store.ts never reopens).
  const start = Math.max(from, tier.open);
  let last = -1;
  snapshot.series.forEach((name, k) => {
    const series = seriesFor(store, name);
    if (series === undefined) return;
    const data = series.data[i]!;
    for (let b = start; b < to; b++) {
      const v = snapshot.values[k * snapshot.buckets + (b - snapshot.firstBucket)]!;
      if (Number.isNaN(v)) continue;
      const slot = b % tier.ring;
      for (let c = 0; c < tier.columns; c++) data[slot * tier.columns + c] = v;
      if (b + 1 > last) last = b + 1;
      if ((b + 1) * res - 1 > series.lastReportMs) series.lastReportMs = (b + 1) * res - 1;
    }
  });
  if (last < 0) return { kept: 0, dropped: all, future };
  for (let b = start; b < last; b++) tier.slotBucket[b % tier.ring] = b;
  tier.open = last;
  store.lastT = Math.max(store.lastT, last * res - 1);
  const kept = countFilled(start, last);
  return { kept, dropped: all - kept, future };
}
