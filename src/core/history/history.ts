/**
 * History of every series over time, in bounded memory: `createHistory()` keeps tiers of typed-array
 * rings (1 s for 1 h, 10 s for 24 h, 1 min for 7 days; tier.ts) per series, answers decimated
 * queries that keep peaks (query.ts), and saves to / restores from a compact file
 * (file.ts). Memory: DEFAULT_MAX_SERIES stores of seriesBytes() each (store.ts).
 */
import type { HistoryQuery, HistoryResult, SeriesInfo } from '../../shared/history-types';
import type { Sample } from '../../shared/sample';
import { saveHistory } from './file';
import { seriesOf } from './series';
import { validateHistoryQuery } from '../../shared/payload-schemas';
import { runQuery, runQueryAsync, type TierSource } from './query';
import { HistoryStore, type HistoryPoint, type HistoryStats } from './store';
import { tiersForDays, type TierSpec } from './tier';

export type { HistoryPoint, HistoryStats } from './store';
export { DEFAULT_MAX_PROCESS_SERIES, DEFAULT_MAX_SENSOR_SERIES, DEFAULT_MAX_SERIES } from './store';
export { DEFAULT_TIERS, tiersForDays, type TierSpec } from './tier';
export { MAX_QUERY_POINTS, validateHistoryQuery } from '../../shared/payload-schemas';

/** The series of one sample (core/history/series.ts `seriesOf`). */
export type SeriesOfFn = (sample: Sample) => readonly HistoryPoint[];

export interface HistoryOptions {
  /** Days the coarsest tier keeps, 1–7 (Settings.historyDays); default 7. Ignored when tiers is given. */
  readonly days?: number;
  readonly tiers?: readonly TierSpec[];
  readonly maxSeries?: number;
  readonly maxProcessSeries?: number;
  /** Turns a sample into points for push(sample) (default: core/history/series.ts seriesOf). */
  readonly seriesOf?: SeriesOfFn;
  /** Wall clock, ms (default Date.now): a query's range ends now, or at the newest point if later. */
  readonly now?: () => number;
  /** Where tiers kept on disk are read from (open.ts); none for a history held in memory only. */
  readonly source?: TierSource;
}

export interface History {
  /** Records the sample's series (seriesOf) at sample.t. */
  push(sample: Sample): void;
  /** Records points at wall time t, ms. */
  pushPoints(t: number, points: readonly HistoryPoint[]): void;
  /** Decimated series over a range; throws a TypeError naming the bad field of an invalid query. */
  query(query: HistoryQuery): HistoryResult;
  /**
   * query, with any part read from disk read off the event loop (a year of segments is tens of MB);
   * same result. What `history:query` answers with.
   */
  queryAsync(query: HistoryQuery): Promise<HistoryResult>;
  /** Every stored bucket of the range, not decimated (exports); same checks as query. */
  queryAll(query: Omit<HistoryQuery, 'maxPoints'>): HistoryResult;
  /**
   * The same buckets as queryAll in time-ordered pieces, so a year can be exported with bounded
   * memory: a history on disk yields one piece per segment.
   */
  queryChunks(query: Omit<HistoryQuery, 'maxPoints'>): Iterable<HistoryResult>;
  listSeries(): SeriesInfo[];
  stats(): HistoryStats;
  /** Bytes one series takes with this history's tiers. */
  seriesBytes(): number;
  /** Writes the whole history to `path` atomically (file.ts). */
  save(path: string): Promise<void>;
  /**
   * Waits for saves in flight (their errors stay with their callers); afterwards push, pushPoints and
   * save throw. Idempotent, like Poller.close(); `await using history = createHistory()` calls it.
   */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  readonly closed: boolean;
  /** The underlying store, for file.ts. */
  readonly store: HistoryStore;
}

class HistoryImpl implements History {
  readonly store: HistoryStore;
  private readonly seriesOf: SeriesOfFn;
  private readonly now: () => number;
  private readonly saving = new Set<Promise<void>>();
  private closing: Promise<void> | undefined;
  private readonly source: TierSource | undefined;

  constructor(options: HistoryOptions, store?: HistoryStore) {
    this.source = options.source;
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

  get closed(): boolean {
    return this.closing !== undefined;
  }

  private checkOpen(method: string): void {
    if (this.closed) throw new Error(`History: ${method}() called after close()`);
  }

  push(sample: Sample): void {
    this.checkOpen('push');
    this.store.pushPoints(sample.t, this.seriesOf(sample));
  }

  pushPoints(t: number, points: readonly HistoryPoint[]): void {
    this.checkOpen('pushPoints');
    this.store.pushPoints(t, points);
  }

  query(query: HistoryQuery): HistoryResult {
    const valid = validateHistoryQuery(query);
    return runQuery(this.store, valid, Math.max(this.store.lastT, this.now()), this.source);
  }

  queryAsync(query: HistoryQuery): Promise<HistoryResult> {
    try {
      const valid = validateHistoryQuery(query);
      return runQueryAsync(this.store, valid, Math.max(this.store.lastT, this.now()), this.source);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  queryAll(query: Omit<HistoryQuery, 'maxPoints'>): HistoryResult {
    const valid = validateHistoryQuery({ ...query, maxPoints: 1 });
    const all = { ...valid, maxPoints: Number.MAX_SAFE_INTEGER };
    return runQuery(this.store, all, Math.max(this.store.lastT, this.now()), this.source);
  }

  queryChunks(query: Omit<HistoryQuery, 'maxPoints'>): Iterable<HistoryResult> {
    const valid = validateHistoryQuery({ ...query, maxPoints: 1 });
    const toMs = Math.max(this.store.lastT, this.now());
    return this.source?.chunks?.(this.store, valid, toMs) ?? [this.queryAll(query)];
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

  async save(path: string): Promise<void> {
    this.checkOpen('save');
    const run = saveHistory(this.store, path);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.saving.add(settled);
    void settled.then(() => this.saving.delete(settled));
    return run;
  }

  close(): Promise<void> {
    this.closing ??= Promise.all([...this.saving]).then(() => undefined);
    return this.closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

export function createHistory(options: HistoryOptions = {}): History {
  return new HistoryImpl(options);
}

/** Wraps a restored store (file.ts). */
export function historyFromStore(store: HistoryStore, options: HistoryOptions = {}): History {
  return new HistoryImpl(options, store);
}
