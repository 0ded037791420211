/**
 * The TierSource of a history backed by a directory: tiers whose ring is shorter than a query's range
 * are read from their segments; exports walk one segment at a time so memory stays bounded.
 */
import { HISTORY_RANGE_MS, type HistoryQuery, type HistoryResult } from '../../shared/history-types';
import { emptyColumns, type PointColumns } from './decimate';
import { appendBucket, readTier, readTierAsync, segmentsFrom, visitSegment } from './disk-reader';
import { listSegments, tierDir } from './layout';
import { pickTier, type TierSource } from './query';
import type { HistoryStore } from './store';

export function diskSource(dir: string, store: HistoryStore, persisted: readonly boolean[]): TierSource {
  const folderOf = (i: number): string => tierDir(dir, store.tiers[i]!.spec.resolutionMs);
  return {
    read(i, ids, fromMs) {
      return persisted[i] === true ? readTier(folderOf(i), ids, fromMs) : undefined;
    },
    readAsync(i, ids, fromMs) {
      return Promise.resolve(persisted[i] === true ? readTierAsync(folderOf(i), ids, fromMs) : undefined);
    },
    chunks(s, query, toMs) {
      const rangeMs = HISTORY_RANGE_MS[query.range];
      const i = pickTier(s.tiers, rangeMs);
      if (persisted[i] !== true || s.tiers[i]!.ringSpanMs >= rangeMs) return undefined;
      return exportChunks(s, query, i, folderOf(i), toMs);
    },
  };
}

function* exportChunks(
  store: HistoryStore,
  query: HistoryQuery,
  tierIndex: number,
  folder: string,
  toMs: number,
): Generator<HistoryResult> {
  const fromMs = toMs - HISTORY_RANGE_MS[query.range];
  const ids = query.series;
  const result = (columns: readonly PointColumns[]): HistoryResult => ({
    range: query.range,
    fromMs,
    toMs,
    series: ids.map((id, k) => ({ id, ...columns[k]! })),
  });
  let lastMs = -Infinity;
  for (const segment of segmentsFrom(listSegments(folder), fromMs)) {
    const columns = ids.map(() => emptyColumns());
    visitSegment(segment.path, fromMs, (startMs, values, base, slotOf) => {
      if (startMs <= lastMs) return;
      lastMs = startMs;
      appendBucket(columns, ids, startMs, values, base, slotOf);
    });
    yield result(columns);
  }
  // The open bucket, as queries show it: the newest values are part of the export too.
  const tier = store.tiers[tierIndex]!;
  const open = ids.map((id) => {
    const columns = emptyColumns();
    const bucket = store.series.get(id)?.openBucket(tierIndex);
    if (bucket !== undefined && tier.open * tier.spec.resolutionMs > lastMs) {
      columns.t.push(tier.open * tier.spec.resolutionMs);
      columns.min.push(bucket[0]);
      columns.avg.push(bucket[1]);
      columns.max.push(bucket[2]);
    }
    return columns;
  });
  yield result(open);
}
