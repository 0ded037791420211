/**
 * Counter arithmetic shared by every derive-* file. The rule (DESIGN.md §2, issue 5): a counter that
 * went backwards (reset, wrap, an interface re-created, a reused pid) gives NO rate for that
 * interval. These helpers return undefined instead of a negative, NaN, infinite or absurd number.
 */

/**
 * The increase of a cumulative counter, or undefined when it cannot be trusted.
 * `wrap` is the value at which the counter rolls over to 0 (RAPL max_energy_range_uj); with it, one
 * roll-over between the two readings is undone. Without it a smaller reading is a reset.
 */
export function counterDelta(prev: number | undefined, cur: number, wrap?: number): number | undefined {
  if (prev === undefined || !Number.isFinite(prev) || !Number.isFinite(cur)) return undefined;
  if (prev < 0 || cur < 0) return undefined;
  const delta = cur - prev;
  if (delta >= 0) return delta;
  // One wrap: both readings must lie inside the counter's range, else it was a reset.
  if (wrap !== undefined && Number.isFinite(wrap) && wrap > 0 && prev <= wrap && cur <= wrap) {
    return wrap - prev + cur;
  }
  return undefined;
}

/** Per-second rate of a cumulative counter over `seconds`, or undefined (see counterDelta). */
export function counterRate(
  prev: number | undefined,
  cur: number,
  seconds: number | undefined,
  wrap?: number,
): number | undefined {
  if (seconds === undefined || !(seconds > 0) || !Number.isFinite(seconds)) return undefined;
  const delta = counterDelta(prev, cur, wrap);
  if (delta === undefined) return undefined;
  const rate = delta / seconds;
  // A huge delta over a tiny interval can overflow to Infinity: that is not a rate either.
  return Number.isFinite(rate) ? rate : undefined;
}

/**
 * Tolerance for shares of an interval measured by two clocks (a device's io_ticks, a process's CPU
 * time) against our monotonic clock: the kernel updates them at tick granularity, so a fully busy
 * device can show slightly more than 100 %. Up to this much over 100 % is clamped to 100; more than
 * that means the counters do not describe this interval (a reset we could not see) and gives no value.
 */
export const SHARE_OVERSHOOT = 1.1;

/** `part` as a percentage of `whole`, clamped to [0, 100 × cap] as described at SHARE_OVERSHOOT. */
export function boundedPercent(part: number, whole: number, cap = 1): number | undefined {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0 || part < 0) return undefined;
  const percent = (part / whole) * 100;
  const max = 100 * cap;
  if (percent > max * SHARE_OVERSHOOT) return undefined;
  return Math.min(percent, max);
}

/** Plain percentage for gauges (used / total); undefined when total is not positive. */
export function gaugePercent(part: number, whole: number): number | undefined {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return undefined;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}

/** A Map from key to item, for matching entries of the previous snapshot by name. */
export function indexBy<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  if (items) for (const item of items) map.set(key(item), item);
  return map;
}
