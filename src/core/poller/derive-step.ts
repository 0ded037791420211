/**
 * Derives the sections read on one tick. Sections with their own intervals were last read at
 * different times, so each is derived against the snapshot it was last read in: sections that share
 * that snapshot form one group and one derive() call, and rates come out over each section's own
 * interval (processes over 2 s, disks over 10 s) rather than over the last tick.
 */
import type { RawSnapshot } from '../../shared/raw';
import type { Sample } from '../../shared/sample';
import type { SectionName } from '../../shared/sections';

export type DeriveFn = (prev: RawSnapshot | undefined, cur: RawSnapshot) => Sample;

export interface DerivedPart {
  readonly sections: Readonly<Partial<Record<SectionName, Sample[SectionName]>>>;
  /** The shortest elapsed time any group's rates were computed over; absent when none had rates. */
  readonly intervalMs?: number;
}

/**
 * Sections other sections are derived with (core/derive: process memory % needs the memory total,
 * process CPU % the core count, sensor grouping the platform); their own derived output from a
 * group they do not belong to is discarded.
 */
const CONTEXT: readonly SectionName[] = ['host', 'cpu', 'memory'];

/** `cur` restricted to `names`, plus the context sections it holds. */
function subset(cur: RawSnapshot, names: readonly SectionName[]): RawSnapshot {
  const out: Record<string, unknown> = { t: cur.t, mono: cur.mono };
  for (const name of CONTEXT) if (cur[name] !== undefined) out[name] = cur[name];
  for (const name of names) out[name] = cur[name];
  return out as unknown as RawSnapshot;
}

export function deriveFresh(
  derive: DeriveFn,
  cur: RawSnapshot,
  sampled: readonly SectionName[],
  prevOf: (section: SectionName) => RawSnapshot | undefined,
  report: (error: unknown) => void,
): DerivedPart {
  const groups = new Map<RawSnapshot | undefined, SectionName[]>();
  for (const name of sampled) {
    const prev = prevOf(name);
    const group = groups.get(prev);
    if (group === undefined) groups.set(prev, [name]);
    else group.push(name);
  }
  const sections: Partial<Record<SectionName, Sample[SectionName]>> = {};
  let intervalMs: number | undefined;
  for (const [prev, names] of groups) {
    let derived: Sample;
    try {
      derived = derive(prev, groups.size === 1 ? cur : subset(cur, names));
    } catch (error) {
      // One group's failure (a derive bug on odd input) must not take the other sections with it.
      report(error);
      continue;
    }
    for (const name of names) {
      const section = derived[name];
      if (section !== undefined) sections[name] = section;
    }
    if (derived.intervalMs !== undefined) {
      intervalMs = intervalMs === undefined ? derived.intervalMs : Math.min(intervalMs, derived.intervalMs);
    }
  }
  return intervalMs === undefined ? { sections } : { sections, intervalMs };
}
