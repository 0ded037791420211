/**
 * Steady watts from energy counters that publish in batches. On macOS 27 the IOReport Energy Model
 * channels move only about every 2.1 s (lablup/all-smi#410, vladkens/macmon#76), so Δenergy / Δt
 * between two 1 s samples reads 0 W and then double. RailCadence remembers, per rail, the readings
 * where the counter moved, and gives each rail the interval its watts should be taken over
 * (RawRail.span), which derive() divides by:
 *
 * - A counter that moves at every reading is continuous: the span is the last interval, as usual.
 * - A counter that sat still for a reading and then moved again within MAX_BATCH_GAP_NS publishes
 *   in batches: the span runs between two readings where it moved, at least BATCHED_MIN_SPAN_NS
 *   (or 4 of its gaps) apart. Each end is late by at most one sampling interval, so the error is
 *   at most that interval over the span (≤ 1/8 at 1 s sampling), where a single interval is off by
 *   a whole batch. The evidence counts for HISTORY_NS.
 * - A batched counter that has not moved for twice its longest batch gap has stopped: 0 W since it
 *   last moved. Before a counter has shown a batch, its first still reading reads 0 W, as a rail
 *   that went idle must.
 * - Sampled more slowly than its batches (every 3 s for a 2.1 s cadence), every reading moves and
 *   the counter looks continuous: the error is then one batch per interval, as with plain Δ/Δt.
 *
 * State is per Sampler (one RailCadence each); a counter that goes backwards starts afresh.
 */
import type { RawRail, RawRailSpan, RawSnapshot } from '../../shared/raw';

/** At least this long a span for batched counters (≥ 2.5 s, the window issue 18 asks for). */
export const BATCHED_MIN_SPAN_NS = 8e9;
/** A still period longer than this is an idle rail, not a batch (the cadence reported is 2.1 s). */
export const MAX_BATCH_GAP_NS = 5e9;
/** How long move points, and the evidence of batching, are kept per rail. */
const HISTORY_NS = 60e9;

interface MovePoint {
  readonly t: number;
  readonly e: number;
}

interface RailState {
  moves: MovePoint[];
  lastT: number;
  lastE: number;
  /** Readings since the last move. */
  still: number;
  /** When the counter last sat still and then moved within MAX_BATCH_GAP_NS; -Infinity if never. */
  batchSeenT: number;
}

/** The longest gap between two moves that is still a batch gap (0 when there is none). */
function longestBatchGap(moves: readonly MovePoint[]): number {
  let gap = 0;
  for (let i = 1; i < moves.length; i++) {
    const d = (moves[i]?.t ?? 0) - (moves[i - 1]?.t ?? 0);
    if (d <= MAX_BATCH_GAP_NS) gap = Math.max(gap, d);
  }
  return gap;
}

function batchedSpan(moves: readonly MovePoint[], t: number): RawRailSpan | undefined {
  const last = moves[moves.length - 1];
  const gap = longestBatchGap(moves);
  if (!last || moves.length < 2 || gap === 0) return undefined;
  if (t - last.t > 2 * gap) return { fromEnergyJ: last.e, fromMonoNs: last.t, toMonoNs: t };
  const minSpan = Math.max(BATCHED_MIN_SPAN_NS, 4 * gap);
  let from = moves[0] as MovePoint;
  for (let i = moves.length - 2; i >= 0; i--) {
    const m = moves[i] as MovePoint;
    if (last.t - m.t >= minSpan) {
      from = m;
      break;
    }
  }
  return { fromEnergyJ: from.e, fromMonoNs: from.t, toMonoNs: last.t };
}

export class RailCadence {
  readonly #rails = new Map<string, RailState>();

  /** The rail with its span (see file comment); rails with a wrap value are left as they are. */
  annotate(rail: RawRail, snapshotMono: number): RawRail {
    if (rail.wrapJ !== undefined || !Number.isFinite(rail.energyJ)) return rail;
    const t = rail.monoNs ?? snapshotMono;
    const e = rail.energyJ;
    const state = this.#rails.get(rail.name);
    if (!state || e < state.lastE || t <= state.lastT) {
      // The first reading lies inside a batch, so it is not a move point.
      this.#rails.set(rail.name, { moves: [], lastT: t, lastE: e, still: 0, batchSeenT: -Infinity });
      return rail;
    }
    const prev: RawRailSpan = { fromEnergyJ: state.lastE, fromMonoNs: state.lastT, toMonoNs: t };
    if (e !== state.lastE) {
      const before = state.moves[state.moves.length - 1];
      if (state.still > 0 && before && t - before.t <= MAX_BATCH_GAP_NS) state.batchSeenT = t;
      state.moves.push({ t, e });
      state.still = 0;
    } else {
      state.still += 1;
    }
    while (state.moves.length > 2 && t - (state.moves[0]?.t ?? t) > HISTORY_NS) state.moves.shift();
    state.lastT = t;
    state.lastE = e;
    const batched = t - state.batchSeenT <= HISTORY_NS;
    return { ...rail, span: (batched ? batchedSpan(state.moves, t) : undefined) ?? prev };
  }

  /** The snapshot with every rail of a successful rails section annotated; rails gone are forgotten. */
  annotateSnapshot(snapshot: RawSnapshot): RawSnapshot {
    const r = snapshot.rails;
    if (!r?.ok) return snapshot;
    const names = new Set(r.value.rails.map((rail) => rail.name));
    for (const name of this.#rails.keys()) if (!names.has(name)) this.#rails.delete(name);
    const rails = r.value.rails.map((rail) => this.annotate(rail, snapshot.mono));
    return { ...snapshot, rails: { ok: true, value: { ...r.value, rails } } };
  }
}
