/**
 * Decimation for charts: at most maxPoints points per series, keeping peaks. The range is cut into
 * maxPoints equal time slices; each non-empty slice becomes one point with the min of its mins, the
 * max of its maxes and the mean of its averages. A one-second spike therefore survives into a
 * 7-day chart as the max of its slice, which plain every-nth-point sampling would drop. Empty slices
 * stay empty, so a gap (the machine was asleep) stays a gap.
 */

export interface PointColumns {
  readonly t: number[];
  readonly min: number[];
  readonly avg: number[];
  readonly max: number[];
}

export function emptyColumns(): PointColumns {
  return { t: [], min: [], avg: [], max: [] };
}

/** Points must be in time order within [fromMs, toMs]. Returns them as they are when they fit. */
export function decimate(
  points: PointColumns,
  fromMs: number,
  toMs: number,
  maxPoints: number,
): PointColumns {
  const n = points.t.length;
  if (n <= maxPoints) return points;
  const out = emptyColumns();
  const width = Math.max(toMs - fromMs, 1) / maxPoints;
  let slice = -1;
  let sum = 0;
  let count = 0;
  const flush = (): void => {
    if (count > 0) out.avg.push(sum / count);
  };
  for (let i = 0; i < n; i++) {
    const t = points.t[i]!;
    const k = Math.min(maxPoints - 1, Math.max(0, Math.floor((t - fromMs) / width)));
    const lo = points.min[i]!;
    const hi = points.max[i]!;
    if (k !== slice) {
      flush();
      slice = k;
      sum = 0;
      count = 0;
      out.t.push(t);
      out.min.push(lo);
      out.max.push(hi);
    } else {
      const last = out.t.length - 1;
      if (lo < out.min[last]!) out.min[last] = lo;
      if (hi > out.max[last]!) out.max[last] = hi;
    }
    sum += points.avg[i]!;
    count += 1;
  }
  flush();
  return out;
}
