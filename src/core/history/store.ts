/**
 * The in-memory history: series appear as their first point arrives, each tier rolls up raw points
 * into its open bucket and writes it into the ring when the bucket's time is over.
 *
 * Bounded memory: at most maxSeries stores (DEFAULT_MAX_SERIES), each of a fixed size
 * (seriesBytes()). Process series (`process.*`) come and go by the hundred, so they get their own
 * quota inside the cap and cannot crowd out hardware series. At the cap, a new series takes the store
 * of the series that reported least recently, as long as that one has stopped reporting; when every
 * series is still live the newcomer is refused and counted. A series silent for longer than the
 * coarsest tier spans holds no data any more and is dropped. Stores are reused, never reallocated.
 */
import type { SeriesInfo } from '../../shared/history-types';
import { DEFAULT_TIERS, SeriesStore, Tier, type TierSpec } from './tier';

/** One point of one series, the shape core/history/series.ts `seriesOf(sample)` produces. */
export interface HistoryPoint {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
}

/**
 * 200 series: CPU total and per-core (up to ~25 on the Macs and PCs we target), memory, a few dozen
 * temperature sensors, fans, batteries, rails, GPUs, a handful of interfaces and disks, and the
 * process quota below — at the default tiers ≈ 239 KB each, ≈ 48 MB in all (bench/history-memory).
 */
export const DEFAULT_MAX_SERIES = 200;
/** Process series allowed inside the cap: the busiest few dozen processes a chart can tell apart. */
export const DEFAULT_MAX_PROCESS_SERIES = 40;
const PROCESS_PREFIX = 'process.';
/**
 * Temperature series allowed inside the cap. A Mac reports a couple of hundred SMC sensors (242 on
 * an M2 Max, iSMC's full dump): unbounded, the first sample's sensors took every store before the
 * second sample's rate series (CPU busy, GPU, network) could get one, and the dashboard lost its
 * CPU chart (seen on the Mac recording of issue 16). 64 still draws every group with room to spare.
 */
export const DEFAULT_MAX_SENSOR_SERIES = 64;
const SENSOR_PREFIX = 'thermal.';
/** The largest time a JS Date can hold (ECMA-262 §21.4.1.1), ms; times past it are not wall clock. */
export const MAX_TIME_MS = 8.64e15;

/** Told of every change a durable copy needs (the segment writer, disk-writer.ts). */
export interface StoreListener {
  /** `store` took its slot, or its label or unit changed. */
  assign(store: SeriesStore): void;
  /** `store` gave its slot up (evicted or silent too long). */
  release(store: SeriesStore): void;
  /** Tier `tierIndex` closed bucket `bucket` into ring slot `ringSlot` of every live series. */
  closed(tierIndex: number, bucket: number, ringSlot: number): void;
}

export interface HistoryStoreOptions {
  readonly tiers?: readonly TierSpec[];
  readonly maxSeries?: number;
  readonly maxProcessSeries?: number;
}

export interface HistoryStats {
  readonly series: number;
  readonly maxSeries: number;
  /** New series refused because every store was held by a live series. */
  readonly refused: number;
  /** Series whose store was taken over or dropped after they stopped reporting. */
  readonly evicted: number;
  /** Bytes held by typed arrays (tiers and every allocated store). */
  readonly bytes: number;
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name}: expected a positive integer, got ${value}`);
  return value;
}

export class HistoryStore {
  readonly tiers: readonly Tier[];
  readonly series = new Map<string, SeriesStore>();
  readonly maxSeries: number;
  readonly maxProcessSeries: number;
  /** Wall time of the newest push, ms; -Infinity before the first. */
  lastT = -Infinity;
  listener: StoreListener | undefined;
  private nextSlot = 0;
  private readonly pool: SeriesStore[] = [];
  private processCount = 0;
  private sensorCount = 0;
  private refused = 0;
  private evicted = 0;
  /** Eviction candidates of the current push, newest first (popped from the end), per scope. */
  private victims:
    | {
        any?: SeriesStore[] | undefined;
        process?: SeriesStore[] | undefined;
        sensor?: SeriesStore[] | undefined;
      }
    | undefined;

  constructor(options: HistoryStoreOptions = {}) {
    const specs = options.tiers ?? DEFAULT_TIERS;
    for (const [i, spec] of specs.entries()) {
      positiveInt(`tiers[${i}].resolutionMs`, spec.resolutionMs);
      positiveInt(`tiers[${i}].capacity`, spec.capacity);
    }
    if (specs.length === 0) throw new RangeError('tiers: expected at least one tier');
    this.tiers = specs.map((spec) => new Tier(spec));
    this.maxSeries = positiveInt('maxSeries', options.maxSeries ?? DEFAULT_MAX_SERIES);
    this.maxProcessSeries = Math.min(
      this.maxSeries,
      positiveInt('maxProcessSeries', options.maxProcessSeries ?? DEFAULT_MAX_PROCESS_SERIES),
    );
  }

  pushPoints(t: number, points: readonly HistoryPoint[]): void {
    if (!Number.isFinite(t) || t < 0 || t > MAX_TIME_MS) {
      throw new RangeError(`t: expected a wall-clock time in ms since the epoch, got ${t}`);
    }
    this.advance(t);
    this.lastT = Math.max(this.lastT, t);
    this.victims = undefined;
    // Known series first, so every series that reports in this push counts as live before any
    // newcomer looks for a store to take over.
    let newcomers: HistoryPoint[] | undefined;
    for (const point of points) {
      if (!Number.isFinite(point.value)) continue;
      const store = this.series.get(point.id);
      if (store === undefined) (newcomers ??= []).push(point);
      else this.record(store, point, t);
    }
    if (newcomers === undefined) return;
    for (const point of newcomers) {
      const store = this.series.get(point.id) ?? this.create(point.id, t);
      if (store !== undefined) this.record(store, point, t);
    }
  }

  private record(store: SeriesStore, point: HistoryPoint, t: number): void {
    if (!store.announced || store.label !== point.label || store.unit !== point.unit) {
      store.label = point.label;
      store.unit = point.unit;
      store.announced = true;
      this.listener?.assign(store);
    }
    store.lastReportMs = t;
    store.add(point.value, this.tiers.length);
  }

  listSeries(): SeriesInfo[] {
    return [...this.series.values()].map((s) => ({ id: s.id, label: s.label, unit: s.unit }));
  }

  stats(): HistoryStats {
    let bytes = 0;
    for (const tier of this.tiers) bytes += tier.slotBucket.byteLength;
    for (const store of this.series.values()) bytes += store.byteLength();
    for (const store of this.pool) bytes += store.byteLength();
    return {
      series: this.series.size,
      maxSeries: this.maxSeries,
      refused: this.refused,
      evicted: this.evicted,
      bytes,
    };
  }

  /** Adds a restored series (history-file); false when the cap is reached. */
  adopt(id: string): SeriesStore | undefined {
    if (this.series.size >= this.maxSeries) return undefined;
    return this.take(id);
  }

  /** Bytes one series store takes with these tiers. */
  seriesBytes(): number {
    return this.tiers.reduce((sum, tier) => sum + tier.ring * tier.columns * 4 + 40, 0);
  }

  /** Closes every bucket whose time is over at time t (never reopens an older bucket). */
  private advance(t: number): void {
    for (const [i, tier] of this.tiers.entries()) {
      const bucket = Math.floor(t / tier.spec.resolutionMs);
      if (tier.open === -1) tier.open = bucket;
      if (bucket <= tier.open) continue; // same bucket, or a clock stepped back: stays in the open one
      const slot = tier.open % tier.ring;
      tier.slotBucket[slot] = tier.open;
      for (const store of this.series.values()) store.closeBucket(i, slot, tier.columns);
      this.listener?.closed(i, tier.open, slot);
      tier.open = bucket;
      if (i === this.tiers.length - 1) this.dropSilent(t - tier.spanMs);
    }
  }

  private dropSilent(before: number): void {
    for (const store of [...this.series.values()]) {
      if (store.lastReportMs < before) {
        this.release(store);
        this.evicted += 1;
      }
    }
  }

  private create(id: string, t: number): SeriesStore | undefined {
    const isProcess = id.startsWith(PROCESS_PREFIX);
    const isSensor = id.startsWith(SENSOR_PREFIX);
    if (isProcess && this.processCount >= this.maxProcessSeries) {
      if (!this.evictOne(t, 'process')) return undefined;
    } else if (isSensor && this.sensorCount >= DEFAULT_MAX_SENSOR_SERIES) {
      if (!this.evictOne(t, 'sensor')) return undefined;
    } else if (this.series.size >= this.maxSeries) {
      if (!this.evictOne(t, 'any')) return undefined;
    }
    return this.take(id);
  }

  private take(id: string): SeriesStore {
    let store = this.pool.pop();
    if (store === undefined) store = new SeriesStore(id, this.tiers, this.nextSlot++);
    else store.reset(id, this.tiers);
    this.series.set(id, store);
    if (id.startsWith(PROCESS_PREFIX)) this.processCount += 1;
    if (id.startsWith(SENSOR_PREFIX)) this.sensorCount += 1;
    return store;
  }

  private release(store: SeriesStore): void {
    this.series.delete(store.id);
    if (store.id.startsWith(PROCESS_PREFIX)) this.processCount -= 1;
    if (store.id.startsWith(SENSOR_PREFIX)) this.sensorCount -= 1;
    this.pool.push(store);
    if (store.announced) this.listener?.release(store);
  }

  /**
   * Frees the store of the least recently reporting series of the scope that is not live at t. The
   * candidates are listed and sorted once per push (a new top process can bring several newcomers).
   */
  private evictOne(t: number, scope: 'any' | 'process' | 'sensor'): boolean {
    this.victims ??= { any: undefined, process: undefined, sensor: undefined };
    let list = this.victims[scope];
    if (list === undefined) {
      list = [...this.series.values()].filter(
        (s) =>
          s.lastReportMs < t &&
          (scope === 'any' || s.id.startsWith(scope === 'process' ? PROCESS_PREFIX : SENSOR_PREFIX)),
      );
      list.sort((a, b) => b.lastReportMs - a.lastReportMs);
      this.victims[scope] = list;
    }
    for (let victim = list.pop(); victim !== undefined; victim = list.pop()) {
      // Skip one the other scope already freed, and a freed store already reused by a newcomer.
      if (this.series.get(victim.id) !== victim || victim.lastReportMs >= t) continue;
      this.release(victim);
      this.evicted += 1;
      return true;
    }
    this.refused += 1;
    return false;
  }
}
