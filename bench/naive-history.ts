// The obvious alternative to core/history, run side by side in the benches: the same tiers and
// roll-up, but every bucket is a JS object in a plain array trimmed with shift(). It shows what the
// typed-array rings buy in time per push and in memory.
import type { HistoryPoint } from '../src/core/history/history';
import { DEFAULT_TIERS } from '../src/core/history/history';

interface Bucket {
  t: number;
  min: number;
  avg: number;
  max: number;
}

interface Open {
  bucket: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export class NaiveHistory {
  private readonly series = new Map<string, { tiers: Bucket[][]; open: Open[] }>();

  pushPoints(t: number, points: readonly HistoryPoint[]): void {
    for (const p of points) {
      let s = this.series.get(p.id);
      if (s === undefined) {
        s = {
          tiers: DEFAULT_TIERS.map(() => []),
          open: DEFAULT_TIERS.map(() => ({ bucket: -1, count: 0, sum: 0, min: 0, max: 0 })),
        };
        this.series.set(p.id, s);
      }
      DEFAULT_TIERS.forEach((spec, i) => {
        const open = s.open[i]!;
        const bucket = Math.floor(t / spec.resolutionMs);
        if (bucket !== open.bucket && open.count > 0) {
          const list = s.tiers[i]!;
          list.push({
            t: open.bucket * spec.resolutionMs,
            min: open.min,
            avg: open.sum / open.count,
            max: open.max,
          });
          if (list.length > spec.capacity) list.shift();
          open.count = 0;
          open.sum = 0;
        }
        open.bucket = bucket;
        open.min = open.count === 0 ? p.value : Math.min(open.min, p.value);
        open.max = open.count === 0 ? p.value : Math.max(open.max, p.value);
        open.count += 1;
        open.sum += p.value;
      });
    }
  }

  /** Fills a tier directly (memory bench): `count` buckets for each of `series` ids. */
  fill(ids: readonly string[], tier: number, count: number): void {
    for (const id of ids) {
      let s = this.series.get(id);
      if (s === undefined) {
        s = {
          tiers: DEFAULT_TIERS.map(() => []),
          open: DEFAULT_TIERS.map(() => ({ bucket: -1, count: 0, sum: 0, min: 0, max: 0 })),
        };
        this.series.set(id, s);
      }
      const list = s.tiers[tier]!;
      for (let k = 0; k < count; k++) list.push({ t: k * 1000, min: k, avg: k + 0.5, max: k + 1 });
    }
  }
}
