/**
 * The storage of history: tiers of fixed-size rings on a global, epoch-aligned bucket grid, and one
 * set of typed arrays per series.
 *
 * A bucket id is floor(t / resolutionMs); bucket b lives in slot b % capacity. Each tier keeps one
 * shared array of which bucket each slot holds, so a slot left over from an earlier lap (a gap while
 * the machine slept) is recognised and skipped without touching every series. Every tier rolls up
 * from the raw points (not from the finer tier), so its min/avg/max are exact for its bucket.
 */

export interface TierSpec {
  readonly resolutionMs: number;
  readonly capacity: number;
  /** Whether the tier keeps min and max besides the average. */
  readonly peaks: boolean;
  /**
   * Buckets held in memory (default: capacity). A history backed by a directory (open.ts) keeps its
   * coarse tiers on disk and only their newest bucket in memory, so a year of 200 series does not
   * sit in RAM.
   */
  readonly memory?: number;
}

/**
 * 1 s for 1 h, 10 s for 24 h, 1 min for 7 days (issue 5). The 1 s tier keeps only the average: at the
 * default 1–2 s sampling a 1 s bucket holds one point, so min = avg = max, and dropping the two
 * columns saves 29 KB per series. Faster sampling loses sub-second peaks in that tier only; the
 * coarser tiers take min and max from the raw points, not from the 1 s averages.
 */
export const DEFAULT_TIERS: readonly TierSpec[] = Object.freeze([
  { resolutionMs: 1_000, capacity: 3_600, peaks: false },
  { resolutionMs: 10_000, capacity: 8_640, peaks: true },
  { resolutionMs: 60_000, capacity: 10_080, peaks: true },
]);

/** The longest history a user can ask for (issue 14): two years of hours. */
export const MAX_HISTORY_DAYS = 730;
const DAY_MS = 86_400_000;

/**
 * Tier specs for keeping `days` days (1–730), issue 14: 1 s for 1 h, 10 s for 24 h, 1 min for up to
 * 7 d, 15 min for up to 90 d, 1 h beyond. Each coarser tier exists only when the finer ones do not
 * already reach `days`, and the coarsest holds exactly `days`.
 */
export function tiersForDays(days: number): readonly TierSpec[] {
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) {
    throw new RangeError(`days: expected an integer from 1 to ${MAX_HISTORY_DAYS}, got ${String(days)}`);
  }
  const [fine, mid] = DEFAULT_TIERS as [TierSpec, TierSpec, TierSpec];
  const tiers: TierSpec[] = [fine, mid];
  const coarse: readonly (readonly [number, number])[] = [
    [60_000, 7],
    [900_000, 90],
    [3_600_000, MAX_HISTORY_DAYS],
  ];
  let reached = 1;
  for (const [resolutionMs, maxDays] of coarse) {
    if (reached >= days) break;
    reached = Math.min(days, maxDays);
    tiers.push({ resolutionMs, capacity: (reached * DAY_MS) / resolutionMs, peaks: true });
  }
  return tiers;
}

export class Tier {
  /** Bucket id held by each slot; -1 = empty. Float64 because bucket ids of 1 s exceed 2^31. */
  readonly slotBucket: Float64Array;
  /** The bucket currently accumulating raw points; -1 before the first point. */
  open = -1;

  /** Buckets held in memory (spec.memory, default capacity). */
  readonly ring: number;

  constructor(readonly spec: TierSpec) {
    this.ring = Math.min(spec.memory ?? spec.capacity, spec.capacity);
    this.slotBucket = new Float64Array(this.ring).fill(-1);
  }

  get columns(): number {
    return this.spec.peaks ? 3 : 1;
  }

  /** Time span the tier keeps (in memory and on disk), ms. */
  get spanMs(): number {
    return this.spec.resolutionMs * this.spec.capacity;
  }

  /** Time span the in-memory ring covers, ms. */
  get ringSpanMs(): number {
    return this.spec.resolutionMs * this.ring;
  }
}

/** Accumulator layout per tier: count, sum, min, max. */
const ACC = 4;

export class SeriesStore {
  /** Per tier: capacity × columns values (columns: avg, or min/avg/max interleaved). */
  readonly data: Float32Array[];
  /** Per tier, the open bucket's running count, sum, min and max. */
  readonly acc: Float64Array;
  label = '';
  unit = '';
  /** This store's fixed position among the store's series (the column it has in segment records). */
  readonly slot: number;
  /** Whether the current id, label and unit were announced to the store's listener. */
  announced = false;
  /** Wall time of the newest point, ms. */
  lastReportMs = -Infinity;
  /**
   * Per tier, the first bucket this series owns: older slots may still hold a previous owner's
   * values, which queries skip. This makes reuse O(1) instead of refilling 239 KB with NaN each time a
   * new top process takes over a store.
   */
  readonly born: Float64Array;

  constructor(
    public id: string,
    tiers: readonly Tier[],
    slot = 0,
  ) {
    this.slot = slot;
    this.data = tiers.map((tier) => new Float32Array(tier.ring * tier.columns).fill(NaN));
    this.acc = new Float64Array(tiers.length * ACC);
    this.born = Float64Array.from(tiers, (tier) => tier.open);
  }

  /** Hands the store to another series (no reallocation, no refill: the soak stays flat). */
  reset(id: string, tiers: readonly Tier[]): void {
    this.id = id;
    this.announced = false;
    this.acc.fill(0);
    this.lastReportMs = -Infinity;
    for (const [i, tier] of tiers.entries()) this.born[i] = tier.open;
  }

  add(value: number, tierCount: number): void {
    const acc = this.acc;
    for (let i = 0; i < tierCount; i++) {
      const o = i * ACC;
      if (acc[o] === 0) {
        acc[o + 2] = value;
        acc[o + 3] = value;
      } else {
        if (value < acc[o + 2]!) acc[o + 2] = value;
        if (value > acc[o + 3]!) acc[o + 3] = value;
      }
      acc[o] = acc[o]! + 1;
      acc[o + 1] = acc[o + 1]! + value;
    }
  }

  /** Writes the open bucket of tier `i` into `slot` (NaN when it got no point) and clears it. */
  closeBucket(i: number, slot: number, columns: number): void {
    const o = i * ACC;
    const acc = this.acc;
    const column = this.data[i]!;
    const count = acc[o]!;
    const base = slot * columns;
    const avg = count > 0 ? acc[o + 1]! / count : NaN;
    if (columns === 1) {
      column[base] = avg;
    } else {
      column[base] = count > 0 ? acc[o + 2]! : NaN;
      column[base + 1] = avg;
      column[base + 2] = count > 0 ? acc[o + 3]! : NaN;
    }
    acc[o] = 0;
    acc[o + 1] = 0;
  }

  /** The open bucket of tier i as [min, avg, max], or undefined when it has no point yet. */
  openBucket(i: number): readonly [number, number, number] | undefined {
    const o = i * ACC;
    const count = this.acc[o]!;
    if (count === 0) return undefined;
    return [this.acc[o + 2]!, this.acc[o + 1]! / count, this.acc[o + 3]!];
  }

  byteLength(): number {
    return (
      this.data.reduce((sum, column) => sum + column.byteLength, 0) +
      this.acc.byteLength +
      this.born.byteLength
    );
  }
}
