/**
 * IOReport state residencies ("CPU Stats" / "GPU Stats") → RawClusterResidency, and the derived
 * active % and residency-weighted MHz (what powermetrics calls "HW active frequency": its residency
 * histograms in https://github.com/joular/joularjx/issues/51 reproduce its printed MHz this way).
 * Counters are 24 MHz ticks (IOReport unit "24Mticks", https://github.com/vladkens/macmon/issues/17);
 * always use deltas over the whole interval.
 */
import type { RawClusterResidency, RawGpuResidency } from '../raw';

export interface IoReportState {
  readonly name: string;
  readonly ticks: number;
}

/** One state-residency channel as the native side reads it. */
export interface IoReportStateChannel {
  readonly group: string;
  readonly subgroup: string;
  readonly channel: string;
  readonly states: readonly IoReportState[];
}

const IDLE_STATES = new Set(['IDLE', 'DOWN', 'OFF']);

/** True for a CPU active state ("V0P5", "V18P0") or a GPU active state ("P1"…). */
function isActiveState(name: string): boolean {
  return /^V\d+P\d+$/.test(name) || /^P\d+$/.test(name);
}

/**
 * Splits a channel's states into idle ticks and active ticks (in state order, which follows the
 * ascending table order, as in the macmon#17 and #68 dumps). Returns undefined for channels that are not residencies of
 * active states (e.g. PCPM_IDLE, whose states are NON_IDLE + V-states of idle time).
 */
export function splitResidency(
  states: readonly IoReportState[],
): { idleTicks: number; activeTicks: number[] } | undefined {
  if (states.some((s) => s.name === 'NON_IDLE')) return undefined;
  let idleTicks = 0;
  const activeTicks: number[] = [];
  for (const s of states) {
    if (IDLE_STATES.has(s.name)) idleTicks += s.ticks;
    else if (isActiveState(s.name)) activeTicks.push(s.ticks);
  }
  return activeTicks.length > 0 ? { idleTicks, activeTicks } : undefined;
}

/**
 * A cluster residency with its table. The number of V-states equals the table length (macmon#68: 17 PCPU states, 17-entry table);
 * where a channel lists more states than the table (GPUPH P1…P15 against an 8-entry table), the
 * extra states must hold no time, otherwise the mapping is unknown and the result is undefined.
 */
export function clusterResidency(
  channel: IoReportStateChannel,
  stateMhz: readonly number[],
): RawClusterResidency | undefined {
  const split = splitResidency(channel.states);
  if (!split || stateMhz.length === 0) return undefined;
  const n = stateMhz.length;
  if (split.activeTicks.length < n) return undefined;
  if (split.activeTicks.slice(n).some((t) => t !== 0)) return undefined;
  return {
    name: channel.channel,
    stateMhz: [...stateMhz],
    activeTicks: split.activeTicks.slice(0, n),
    idleTicks: split.idleTicks,
  };
}

/** The GPU residency (channel GPUPH) with the GPU table (skip OFF, see dvfs.gpuTableMhz). */
export function gpuResidency(
  channel: IoReportStateChannel,
  stateMhz: readonly number[],
): RawGpuResidency | undefined {
  const r = clusterResidency(channel, stateMhz);
  return r ? { stateMhz: r.stateMhz, activeTicks: r.activeTicks, idleTicks: r.idleTicks } : undefined;
}

export interface ResidencyFigures {
  /** Non-idle share of the interval, 0–100. */
  readonly activePercent: number;
  /** Residency-weighted mean over the active states; undefined when nothing was active. */
  readonly mhz?: number;
}

/**
 * Active % and MHz from two cumulative residencies of the same channel (or from one interval's
 * deltas when `prev` is undefined). A counter that went backwards gives undefined, never a
 * negative share.
 */
export function residencyFigures(
  cur: {
    readonly stateMhz: readonly number[];
    readonly activeTicks: readonly number[];
    readonly idleTicks: number;
  },
  prev?: { readonly activeTicks: readonly number[]; readonly idleTicks: number },
): ResidencyFigures | undefined {
  if (prev && prev.activeTicks.length !== cur.activeTicks.length) return undefined;
  let active = 0;
  let weighted = 0;
  for (let i = 0; i < cur.activeTicks.length; i++) {
    const d = (cur.activeTicks[i] ?? 0) - (prev?.activeTicks[i] ?? 0);
    if (d < 0) return undefined;
    active += d;
    weighted += d * (cur.stateMhz[i] ?? 0);
  }
  const idle = cur.idleTicks - (prev?.idleTicks ?? 0);
  if (idle < 0) return undefined;
  const total = active + idle;
  if (total === 0) return undefined;
  const activePercent = (active / total) * 100;
  return active > 0 ? { activePercent, mhz: weighted / active } : { activePercent };
}
