/**
 * Rebuilding the in-memory store from scanned segments at start-up:
 * - the finest persisted tier (10 s) refills its ring, and its series come back (up to the cap);
 * - each coarser tier's open bucket, lost with the process, is rebuilt from the 10 s buckets since
 *   it began (min of mins, max of maxes, mean of the 10 s averages), so a crash costs at most the
 *   open 10 s bucket in every tier;
 * - every persisted tier resumes after its newest bucket on disk, so buckets stay in time order even
 *   when the clock was set back while the app was not running.
 */
import type { SegmentRecord } from './segment';
import type { ScannedSegment } from './scan';
import type { HistoryStore } from './store';
import type { SeriesStore } from './tier';

const ACC = 4;

/** Calls visit for each bucket record of the segments in order, with the slot → series mapping. */
function eachBucket(
  segments: readonly ScannedSegment[],
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

/** The newest bucket start among the segments' records, or undefined. */
export function lastBucketMs(segments: readonly ScannedSegment[]): number | undefined {
  let last: number | undefined;
  eachBucket(segments, (startMs) => (last = startMs));
  return last;
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

/** Refills the ring of tier `ringTier` from its segments; returns the newest bucket start, ms. */
export function refillRing(store: HistoryStore, ringTier: number, segments: readonly ScannedSegment[]): number | undefined {
  const tier = store.tiers[ringTier]!;
  const res = tier.spec.resolutionMs;
  const last = lastBucketMs(segments);
  if (last === undefined) return undefined;
  const oldest = last - (tier.ring - 1) * res;
  eachBucket(segments, (startMs, values, names) => {
    if (startMs < oldest || startMs % res !== 0) return; // not on this tier's grid: not ours
    const bucket = startMs / res;
    const ringSlot = bucket % tier.ring;
    tier.slotBucket[ringSlot] = bucket;
    for (const [slot, name] of names) {
      const avg = values[slot * 3 + 1]!;
      if (Number.isNaN(avg)) continue;
      const series = seriesFor(store, name);
      if (series === undefined) continue;
      series.data[ringTier]!.set(values.subarray(slot * 3, slot * 3 + 3), ringSlot * 3);
      series.lastReportMs = Math.max(series.lastReportMs, startMs + res - 1);
    }
  });
  tier.open = Math.floor(last / res) + 1;
  store.lastT = Math.max(store.lastT, last + res - 1);
  return last;
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
