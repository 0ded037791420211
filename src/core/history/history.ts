/**
 * History of every series over time, in bounded memory: `createHistory()` keeps tiers of typed-array
 * rings (1 s for 1 h, 10 s for 24 h, 1 min for 7 days; history-tier.ts) per series, answers decimated
 * queries that keep peaks (history-query.ts), and saves to / restores from a compact file
 * (history-file.ts). Memory: DEFAULT_MAX_SERIES stores of seriesBytes() each (history-store.ts).
 */
import type { HistoryQuery, HistoryResult, SeriesInfo } from '../../shared/history-types';
import type { Sample } from '../../shared/sample';
import { saveHistory } from './file';
import { seriesOf } from './series';
import { runQuery, validateHistoryQuery } from './query';
import { HistoryStore, type HistoryPoint, type HistoryStats } from './store';
import { tiersForDays, type TierSpec } from './tier';

export type { HistoryPoint, HistoryStats } from './store';
export { DEFAULT_MAX_PROCESS_SERIES, DEFAULT_MAX_SENSOR_SERIES, DEFAULT_MAX_SERIES } from './store';
export { DEFAULT_TIERS, tiersForDays, type TierSpec } from './tier';
export { MAX_QUERY_POINTS, validateHistoryQuery } from './query';

/** The series of one sample (core/series.ts `seriesOf`). */
export type SeriesOfFn = (sample: Sample) => readonly HistoryPoint[];

export interface HistoryOptions {
  /** Days the coarsest tier keeps, 1–7 (Settings.historyDays); default 7. Ignored when tiers is given. */
  readonly days?: number;
  readonly tiers?: readonly TierSpec[];
  readonly maxSeries?: number;
  readonly maxProcessSeries?: number;
  /** Turns a sample into points for push(sample) (default: core/series.ts seriesOf). */
  readonly seriesOf?: SeriesOfFn;
  /** Wall clock, ms (default Date.now): a query's range ends now, or at the newest point if later. */
  readonly now?: () => number;
}

export interface History {
  /** Records the sample's series (seriesOf) at sample.t. */
  push(sample: Sample): void;
  /** Records points at wall time t, ms. */
  pushPoints(t: number, points: readonly HistoryPoint[]): void;
  /** Decimated series over a range; throws a TypeError naming the bad field of an invalid query. */
  query(query: HistoryQuery): HistoryResult;
  /** Every stored bucket of the range, not decimated (exports); same checks as query. */
  queryAll(query: Omit<HistoryQuery, 'maxPoints'>): HistoryResult;
  listSeries(): SeriesInfo[];
  stats(): HistoryStats;
  /** Bytes one series takes with this history's tiers. */
  seriesBytes(): number;
  /** Writes the whole history to `path` atomically (history-file.ts). */
  save(path: string): Promise<void>;
  /** The underlying store, for history-file.ts. */
  readonly store: HistoryStore;
}

class HistoryImpl implements History {
  readonly store: HistoryStore;
  private readonly seriesOf: SeriesOfFn;
  private readonly now: () => number;

  constructor(options: HistoryOptions, store?: HistoryStore) {
    const tiers = options.tiers ?? (options.days !== undefined ? tiersForDays(options.days) : undefined);
    this.store =
      store ??
      new HistoryStore({
        ...(tiers !== undefined ? { tiers } : {}),
        ...(options.maxSeries !== undefined ? { maxSeries: options.maxSeries } : {}),
        ...(options.maxProcessSeries !== undefined ? { maxProcessSeries: options.maxProcessSeries } : {}),
      });
    if (options.seriesOf !== undefined && typeof options.seriesOf !== 'function') {
      throw new TypeError('seriesOf: expected a function');
    }
    this.seriesOf = options.seriesOf ?? ((sample) => seriesOf(sample));
    this.now = options.now ?? Date.now;
  }

  push(sample: Sample): void {
    this.store.pushPoints(sample.t, this.seriesOf(sample));
  }

  pushPoints(t: number, points: readonly HistoryPoint[]): void {
    this.store.pushPoints(t, points);
  }

  query(query: HistoryQuery): HistoryResult {
    const valid = validateHistoryQuery(query);
    return runQuery(this.store, valid, Math.max(this.store.lastT, this.now()));
  }

  queryAll(query: Omit<HistoryQuery, 'maxPoints'>): HistoryResult {
    const valid = validateHistoryQuery({ ...query, maxPoints: 1 });
    const all = { ...valid, maxPoints: Number.MAX_SAFE_INTEGER };
    return runQuery(this.store, all, Math.max(this.store.lastT, this.now()));
  }

  listSeries(): SeriesInfo[] {
    return this.store.listSeries();
  }

  stats(): HistoryStats {
    return this.store.stats();
  }

  seriesBytes(): number {
    return this.store.seriesBytes();
  }

  save(path: string): Promise<void> {
    return saveHistory(this.store, path);
  }
}

export function createHistory(options: HistoryOptions = {}): History {
  return new HistoryImpl(options);
}

/** Wraps a restored store (history-file.ts). */
export function historyFromStore(store: HistoryStore, options: HistoryOptions = {}): History {
  return new HistoryImpl(options, store);
}
