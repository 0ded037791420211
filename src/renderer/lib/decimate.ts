/**
 * Reduces a series to at most `maxPoints` points for a chart `maxPoints` pixels wide, keeping
 * peaks: each bucket contributes its minimum and maximum in time order (the min/max half of M4,
 * Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014).
 * NaN values (gaps) are skipped.
 */
export interface XY {
  readonly t: number;
  readonly v: number;
}

export function decimate(t: ArrayLike<number>, v: ArrayLike<number>, maxPoints: number): XY[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(`maxPoints: expected an integer ≥ 2, got ${maxPoints}`);
  }
  const n = Math.min(t.length, v.length);
  const out: XY[] = [];
  if (n <= maxPoints) {
    for (let i = 0; i < n; i += 1) {
      const value = v[i] ?? NaN;
      if (!Number.isNaN(value)) out.push({ t: t[i] ?? 0, v: value });
    }
    return out;
  }
  const buckets = Math.floor(maxPoints / 2);
  const size = n / buckets;
  for (let b = 0; b < buckets; b += 1) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i += 1) {
      const value = v[i] ?? NaN;
      if (Number.isNaN(value)) continue;
      if (lo < 0 || value < (v[lo] ?? 0)) lo = i;
      if (hi < 0 || value > (v[hi] ?? 0)) hi = i;
    }
    if (lo < 0) continue;
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    out.push({ t: t[first] ?? 0, v: v[first] ?? 0 });
    if (second !== first) out.push({ t: t[second] ?? 0, v: v[second] ?? 0 });
  }
  return out;
}
