/**
 * Reading history (a query already checked by src/shared/payload-schemas.ts): pick the finest tier whose ring covers the range, collect the
 * series' buckets in time order (the open bucket included, so the newest point is there), decimate.
 */
import {
  HISTORY_RANGE_MS,
  type HistoryQuery,
  type HistoryResult,
  type HistorySeries,
} from '../../shared/history-types';
import { decimate, emptyColumns, type PointColumns } from './decimate';
import type { HistoryStore } from './store';
import type { Tier } from './tier';

/** The finest tier whose ring spans the range; the coarsest when none does. */
export function pickTier(tiers: readonly Tier[], rangeMs: number): number {
  const i = tiers.findIndex((tier) => tier.spanMs >= rangeMs);
  return i === -1 ? tiers.length - 1 : i;
}

function collect(store: HistoryStore, id: string, tierIndex: number, fromMs: number): PointColumns {
  const out = emptyColumns();
  const series = store.series.get(id);
  const tier = store.tiers[tierIndex]!;
  if (series === undefined || tier.open === -1) return out;
  const { resolutionMs } = tier.spec;
  const capacity = tier.ring;
  const columns = tier.columns;
  const data = series.data[tierIndex]!;
  // Buckets that start inside the range, at most one ring's worth, oldest first.
  const first = Math.max(Math.ceil(fromMs / resolutionMs), tier.open - capacity, series.born[tierIndex]!);
  for (let bucket = first; bucket < tier.open; bucket++) {
    const slot = bucket % capacity;
    if (tier.slotBucket[slot] !== bucket) continue;
    const base = slot * columns;
    const avg = data[base + (columns === 1 ? 0 : 1)]!;
    if (Number.isNaN(avg)) continue;
    out.t.push(bucket * resolutionMs);
    out.avg.push(avg);
    out.min.push(columns === 1 ? avg : data[base]!);
    out.max.push(columns === 1 ? avg : data[base + 2]!);
  }
  appendOpen(out, store, id, tierIndex, first);
  return out;
}

/** Adds the series' open bucket of the tier (when it has a point) so the newest value shows. */
function appendOpen(
  out: PointColumns,
  store: HistoryStore,
  id: string,
  tierIndex: number,
  first: number,
): void {
  const series = store.series.get(id);
  const tier = store.tiers[tierIndex]!;
  const { resolutionMs } = tier.spec;
  const columns = tier.columns;
  const open = series?.openBucket(tierIndex);
  if (open !== undefined && tier.open >= first) {
    // A tier without peaks shows the open bucket as it will store it: min = avg = max.
    const [min, avg, max] = columns === 1 ? [open[1], open[1], open[1]] : open;
    out.t.push(tier.open * resolutionMs);
    out.min.push(min);
    out.avg.push(avg);
    out.max.push(max);
  }
}

/** Closed buckets of persisted tiers, read from disk (disk-reader.ts) for ranges beyond a ring. */
export interface TierSource {
  /** Per id, the tier's closed buckets from fromMs on, oldest first; undefined for a memory-only tier. */
  read(tierIndex: number, ids: readonly string[], fromMs: number): PointColumns[] | undefined;
  /** read, off the event loop (disk-reader.ts readTierAsync). */
  readAsync?(tierIndex: number, ids: readonly string[], fromMs: number): Promise<PointColumns[] | undefined>;
  /** The range in time-ordered pieces (one per segment) for exports; undefined when all is in memory. */
  chunks?(store: HistoryStore, query: HistoryQuery, toMs: number): Iterable<HistoryResult> | undefined;
}

/** Runs a validated query; the range ends at `toMs` (the newest push, or now when later). */
export function runQuery(
  store: HistoryStore,
  query: HistoryQuery,
  toMs: number,
  source?: TierSource,
): HistoryResult {
  const plan = planQuery(store, query, toMs);
  const disk = plan.fromDisk ? source?.read(plan.tierIndex, query.series, plan.fromMs) : undefined;
  return answer(store, query, plan, disk);
}

/**
 * runQuery with the disk part read off the event loop (TierSource.readAsync): a 1 y range reads
 * tens of MB, which must not stall the app's main process or `nmetrics serve`. Same result.
 */
export async function runQueryAsync(
  store: HistoryStore,
  query: HistoryQuery,
  toMs: number,
  source?: TierSource,
): Promise<HistoryResult> {
  const plan = planQuery(store, query, toMs);
  if (!plan.fromDisk || source?.readAsync === undefined) return runQuery(store, query, toMs, source);
  const disk = await source.readAsync(plan.tierIndex, query.series, plan.fromMs);
  return answer(store, query, plan, disk);
}

interface QueryPlan {
  readonly tierIndex: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** Whether the range reaches past the tier's ring, so its closed buckets come from disk. */
  readonly fromDisk: boolean;
}

function planQuery(store: HistoryStore, query: HistoryQuery, toMs: number): QueryPlan {
  const rangeMs = HISTORY_RANGE_MS[query.range];
  const tierIndex = pickTier(store.tiers, rangeMs);
  return { tierIndex, fromMs: toMs - rangeMs, toMs, fromDisk: store.tiers[tierIndex]!.ringSpanMs < rangeMs };
}

function answer(
  store: HistoryStore,
  query: HistoryQuery,
  plan: QueryPlan,
  disk: PointColumns[] | undefined,
): HistoryResult {
  const { tierIndex, fromMs, toMs } = plan;
  const first = Math.ceil(fromMs / store.tiers[tierIndex]!.spec.resolutionMs);
  const series: HistorySeries[] = query.series.map((id, k) => {
    let collected: PointColumns;
    if (disk === undefined) collected = collect(store, id, tierIndex, fromMs);
    else {
      collected = disk[k]!;
      appendOpen(collected, store, id, tierIndex, first);
    }
    const points = decimate(collected, fromMs, toMs, query.maxPoints);
    return { id, t: points.t, avg: points.avg, min: points.min, max: points.max };
  });
  return { range: query.range, fromMs, toMs, series };
}
