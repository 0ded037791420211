// A scripted SnapshotSource and derive for the poller tests: every section value is a counter that
// grows by 1000 per second of wall time, so a derived rate shows exactly which interval it spans.
import type { RawSnapshot } from '../../../src/shared/raw';
import type { Sample } from '../../../src/shared/sample';
import type { SectionName } from '../../../src/shared/sections';
import type { SnapshotSource } from '../../../src/core/native/snapshot-source';

export interface FakeValue {
  readonly counter: number;
  readonly readAt: number;
}

export interface DerivedValue {
  readonly readAt: number;
  /** Counter units per second between prev and cur, absent without prev. */
  readonly rate?: number;
  readonly spanMs?: number;
}

export class FakeSource implements SnapshotSource {
  readonly requests: SectionName[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  closed = false;
  /** Extra time a read takes, ms (advanced by fake timers). */
  delayMs = 0;
  /** Offset added to the monotonic clock, ns: lets a test model a clock that did or did not stop. */
  monoOffsetNs = 0;
  failNext: Error | undefined;

  async sample(sections?: readonly SectionName[]): Promise<RawSnapshot> {
    if (this.closed) throw new Error('source closed');
    const names = [...(sections ?? [])];
    this.requests.push(names);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const failure = this.failNext;
      this.failNext = undefined;
      if (failure !== undefined) throw failure;
      const t = Date.now();
      const snapshot: Record<string, unknown> = { t, mono: t * 1e6 + this.monoOffsetNs };
      for (const name of names) snapshot[name] = { ok: true, value: { counter: t, readAt: t } };
      return snapshot as unknown as RawSnapshot;
    } finally {
      this.inFlight -= 1;
    }
  }

  close(): void {
    this.closed = true;
  }
}

export interface DeriveCall {
  readonly prevT: number | undefined;
  readonly curT: number;
  readonly sections: readonly string[];
}

/** A derive that turns each section's counter into a rate over the real span between prev and cur. */
export function fakeDerive(calls: DeriveCall[] = []) {
  return (prev: RawSnapshot | undefined, cur: RawSnapshot): Sample => {
    const out: Record<string, unknown> = { t: cur.t, mono: cur.mono };
    const names = Object.keys(cur).filter((k) => k !== 't' && k !== 'mono');
    calls.push({ prevT: prev?.t, curT: cur.t, sections: names });
    if (prev !== undefined) out['intervalMs'] = (cur.mono - prev.mono) / 1e6;
    for (const name of names) {
      const c = (cur as unknown as Record<string, { value: FakeValue }>)[name]!.value;
      const p = prev
        ? (prev as unknown as Record<string, { value: FakeValue } | undefined>)[name]?.value
        : undefined;
      const value: DerivedValue =
        p === undefined
          ? { readAt: c.readAt }
          : {
              readAt: c.readAt,
              rate: ((c.counter - p.counter) * 1000) / (cur.t - prev!.t),
              spanMs: cur.t - prev!.t,
            };
      out[name] = { ok: true, value };
    }
    return out as unknown as Sample;
  };
}

/** The derived value of one section of a sample (test helper). */
export function sectionOf(sample: Sample | undefined, name: SectionName): DerivedValue | undefined {
  const section = (sample as unknown as Record<string, { value: DerivedValue } | undefined> | undefined)?.[
    name
  ];
  return section?.value;
}
