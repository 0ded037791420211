/**
 * Apple Silicon DVFS residency → active share and average frequency (MACOS.md, CPU section). The
 * formula is H-darwin's `residencyFigures` (src/shared/darwin/ioreport-residency.ts: active % =
 * non-idle residency / total, MHz = residency-weighted mean over active states, powermetrics' "HW
 * active frequency"). This wrapper adds what derive needs on top: both readings must describe the
 * same state table, and counters that are not finite or went backwards give no figures.
 */
import type { ResidencyFigures } from '../../shared/darwin/ioreport-residency';
import { residencyFigures } from '../../shared/darwin/ioreport-residency';
import { counterDelta } from './rate';

export interface ResidencyCounters {
  readonly stateMhz: readonly number[];
  readonly activeTicks: readonly number[];
  readonly idleTicks: number;
}

export type ResidencyShare = ResidencyFigures;

function sameTable(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((mhz, i) => mhz === b[i] && Number.isFinite(mhz));
}

/** Figures over the interval between two readings of one channel, or undefined (see file comment). */
export function residencyShare(prev: ResidencyCounters, cur: ResidencyCounters): ResidencyShare | undefined {
  if (cur.activeTicks.length !== cur.stateMhz.length || !sameTable(prev.stateMhz, cur.stateMhz))
    return undefined;
  if (prev.activeTicks.length !== cur.activeTicks.length) return undefined;
  for (let i = 0; i < cur.activeTicks.length; i++) {
    if (counterDelta(prev.activeTicks[i], cur.activeTicks[i] ?? NaN) === undefined) return undefined;
  }
  if (counterDelta(prev.idleTicks, cur.idleTicks) === undefined) return undefined;
  const figures = residencyFigures(cur, prev);
  if (!figures || !Number.isFinite(figures.activePercent)) return undefined;
  return figures;
}
