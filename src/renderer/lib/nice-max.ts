/**
 * The top of a value axis with five ticks: four equal steps of 1, 2, 2.5 or 5 times a power of ten
 * (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990), so every tick is a round number
 * and the data's own maximum never sits as a stray label a few pixels above the last round one.
 */
export function niceMax(max: number, steps = 4): number {
  if (!(max > 0) || !Number.isFinite(max)) return 0;
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return step * steps;
}
