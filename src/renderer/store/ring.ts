/**
 * A fixed-capacity ring of glance values, one Float64Array column per key: pushing a sample
 * allocates nothing, so an hour of 1 s samples keeps the heap flat. The store bumps a version
 * number on each push; components select the version and read the window they draw.
 */
import { GLANCE_KEYS, type Glance, type GlanceKey } from '../lib/summarize';

export interface RingWindow {
  readonly t: Float64Array;
  readonly v: Float64Array;
}

export class GlanceRing {
  readonly capacity: number;
  private readonly times: Float64Array;
  private readonly columns: Readonly<Record<GlanceKey, Float64Array>>;
  private head = 0;
  private count = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) {
      throw new RangeError(`capacity: expected an integer ≥ 2, got ${capacity}`);
    }
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    const columns = {} as Record<GlanceKey, Float64Array>;
    for (const key of GLANCE_KEYS) columns[key] = new Float64Array(capacity);
    this.columns = columns;
  }

  get size(): number {
    return this.count;
  }

  push(t: number, glance: Glance): void {
    this.times[this.head] = t;
    for (const key of GLANCE_KEYS) this.columns[key][this.head] = glance[key];
    this.head = (this.head + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /**
   * Puts older rows (from the history) before the live ones already here; rows at or after the
   * oldest live point are dropped, and the newest `capacity` points are kept.
   */
  backfill(rows: readonly { readonly t: number; readonly glance: Glance }[]): void {
    const liveKeys = GLANCE_KEYS;
    const start = (this.head - this.count + this.capacity) % this.capacity;
    const live: { t: number; glance: Glance }[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const at = (start + i) % this.capacity;
      const glance = {} as Record<GlanceKey, number>;
      for (const key of liveKeys) glance[key] = this.columns[key][at] ?? NaN;
      live.push({ t: this.times[at] ?? NaN, glance });
    }
    const firstLive = live[0]?.t ?? Infinity;
    const older = rows.filter((r) => r.t < firstLive);
    this.clear();
    for (const r of [...older, ...live].slice(-this.capacity)) this.push(r.t, r.glance);
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** The points with t ≥ fromT, oldest first (copies: at most `capacity` numbers). */
  window(key: GlanceKey, fromT = -Infinity): RingWindow {
    const start = (this.head - this.count + this.capacity) % this.capacity;
    // Times only grow, so binary-search the first index inside the window.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[(start + mid) % this.capacity] ?? 0) < fromT) lo = mid + 1;
      else hi = mid;
    }
    const n = this.count - lo;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    const col = this.columns[key];
    for (let i = 0; i < n; i += 1) {
      const at = (start + lo + i) % this.capacity;
      t[i] = this.times[at] ?? NaN;
      v[i] = col[at] ?? NaN;
    }
    return { t, v };
  }
}
