/**
 * Apple Silicon DVFS residency → active share and average frequency (MACOS.md, CPU section).
 * Residency counters are cumulative 24 MHz ticks per performance state plus one idle/down total;
 * over an interval:
 *   active % = Σ Δactive / (Σ Δactive + Δidle)
 *   MHz      = Σ (Δactive_i × MHz_i) / Σ Δactive   (residency-weighted mean over ACTIVE states only,
 *              what powermetrics prints as "HW active frequency"; checked against its output in
 *              /work/shared/fixtures/darwin/README.md fact 15).
 */
import { counterDelta } from './derive-rate';

export interface ResidencyCounters {
  readonly stateMhz: readonly number[];
  readonly activeTicks: readonly number[];
  readonly idleTicks: number;
}

export interface ResidencyShare {
  /** Absent when the interval had no active time (the average frequency is then undefined). */
  readonly mhz?: number;
  readonly activePercent: number;
}

/**
 * Shares over the interval between two readings of the same channel, or undefined when the readings
 * do not describe one interval (different state tables, a counter that went backwards, no time).
 */
export function residencyShare(prev: ResidencyCounters, cur: ResidencyCounters): ResidencyShare | undefined {
  const n = cur.activeTicks.length;
  if (n !== prev.activeTicks.length || n !== cur.stateMhz.length) return undefined;
  let active = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const d = counterDelta(prev.activeTicks[i], cur.activeTicks[i] ?? NaN);
    const mhz = cur.stateMhz[i] ?? NaN;
    if (d === undefined || !Number.isFinite(mhz)) return undefined;
    active += d;
    weighted += d * mhz;
  }
  const idle = counterDelta(prev.idleTicks, cur.idleTicks);
  if (idle === undefined) return undefined;
  const total = active + idle;
  if (total <= 0) return undefined;
  const activePercent = (active / total) * 100;
  return active > 0 ? { mhz: weighted / active, activePercent } : { activePercent };
}
