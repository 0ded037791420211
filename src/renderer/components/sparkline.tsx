/**
 * A tiny live chart drawn straight into SVG from the glance ring: no chart library, no animation,
 * at most one point per pixel column (decimate), so a new sample costs one short path string.
 */
import { decimate } from '../lib/decimate';
import type { GlanceKey } from '../lib/summarize';
import { useApp } from '../store/use-app';

export interface SparklineProps {
  readonly metric: GlanceKey;
  readonly label: string;
  readonly width?: number;
  readonly height?: number;
  /** Fixed top of the scale (100 for percentages); otherwise the window's maximum. */
  readonly max?: number;
  /** How far back to draw, ms. */
  readonly spanMs?: number;
  /** 'zero' (rates, percentages) starts the scale at 0; 'auto' fits it to the window (temperatures). */
  readonly floor?: 'zero' | 'auto';
}

export function Sparkline({
  metric,
  label,
  width = 120,
  height = 28,
  max,
  spanMs = 300_000,
  floor = 'zero',
}: SparklineProps) {
  // Selecting the version re-renders on each sample; the ring itself is read below.
  useApp((s) => s.recentVersion);
  const ring = useApp((s) => s.recent);
  const latestT = useApp((s) => s.latest?.t ?? 0);
  const { t, v } = ring.window(metric, latestT - spanMs);
  const points = decimate(t, v, width);
  if (points.length < 2) {
    return (
      <svg
        className="sparkline"
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: not enough data yet`}
      />
    );
  }
  // The x axis spans the window, or only the data there is while the history is shorter than it.
  const t0 = Math.max(latestT - spanMs, points[0]?.t ?? latestT);
  const span = Math.max(1, latestT - t0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.v);
    hi = Math.max(hi, p.v);
  }
  // A little headroom so a flat line is not drawn on the border.
  const bottom = floor === 'auto' ? lo - Math.max(1, (hi - lo) * 0.25) : 0;
  const top = max ?? (hi > bottom ? hi + (hi - bottom) * 0.1 : bottom + 1);
  const x = (time: number): number => ((time - t0) / span) * width;
  const y = (value: number): number =>
    height - 1 - ((Math.min(value, top) - bottom) / (top - bottom)) * (height - 2);
  let d = '';
  for (const p of points) d += `${d === '' ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
  const last = points[points.length - 1];
  const first = points[0];
  const area =
    first && last ? `${d}L${x(last.t).toFixed(1)},${height}L${x(first.t).toFixed(1)},${height}Z` : '';
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      role="img"
      aria-label={`${label}, last ${spanMs / 60_000} minutes`}
    >
      <path className="sparkline-area" d={area} />
      <path className="sparkline-line" d={d} />
    </svg>
  );
}
