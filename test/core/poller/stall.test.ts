import { describe, expect, it } from 'vitest';
import { createPoller } from '../../../src/core/poller';
import {
  closeWithin,
  describeStall,
  markStalled,
  stalledRead,
  STALL_MIN_MS,
  stallThresholdMs,
} from '../../../src/core/poller/stall';
import type { SnapshotSource } from '../../../src/core/native/snapshot-source';
import type { RawSnapshot } from '../../../src/shared/raw';
import type { Sample } from '../../../src/shared/sample';
import type { SectionName } from '../../../src/shared/sections';

/** A source whose first read answers and whose later reads never return, like a hung driver file. */
function stuckAfterFirst(): SnapshotSource & { readonly reads: number } {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    sample(sections?: readonly SectionName[]) {
      reads++;
      if (reads > 1) return new Promise<RawSnapshot>(() => undefined);
      const raw: Record<string, unknown> = { t: 1000, mono: 1e9 };
      for (const s of sections ?? []) raw[s] = { ok: true, value: {} };
      return Promise.resolve(raw as unknown as RawSnapshot);
    },
    close: () => undefined,
  };
}

describe('stalled reads', () => {
  it('are seen once a read has run past the threshold, naming its sections', async () => {
    let clock = 0;
    const source = stuckAfterFirst();
    const derive = (_prev: RawSnapshot | undefined, cur: RawSnapshot) => cur as unknown as Sample;
    const poller = createPoller({ source, intervalMs: 10, now: () => clock, derive });
    poller.subscribe(['memory', 'thermal'], () => undefined);
    while (source.reads < 2) {
      clock += 10;
      await new Promise((r) => setTimeout(r, 5));
    }
    const startedAt = poller.inFlight()!.startedAt;
    expect(poller.inFlight()!.sections).toEqual(['memory', 'thermal']);
    expect(stalledRead(poller, startedAt + STALL_MIN_MS - 1)).toBeUndefined();
    const stall = stalledRead(poller, startedAt + 12_345)!;
    expect(stall).toEqual({ sections: ['memory', 'thermal'], forMs: 12_345 });
    expect(describeStall(stall)).toBe('memory, thermal: the read has not returned for 12 s');

    const marked = markStalled(poller.latest()!, stall);
    expect(marked.memory).toEqual({
      ok: false,
      error: { reason: 'failed', message: 'stalled: the read has not returned for 12 s' },
    });
    expect(marked.t).toBe(poller.latest()!.t);
    // Closing does not wait for the stuck read past its bound, and says it did not finish.
    expect(await closeWithin(poller, 50)).toBe(false);
    expect(poller.closed).toBe(true);
  });

  it('closes within the bound when no read hangs', async () => {
    const source = stuckAfterFirst();
    const poller = createPoller({ source, intervalMs: 10_000 });
    poller.subscribe(['cpu'], () => undefined);
    while (poller.latest() === undefined) await new Promise((r) => setTimeout(r, 5));
    expect(await closeWithin(poller, 5_000)).toBe(true);
  });

  it('wait at least three intervals on a slow poller', () => {
    expect(stallThresholdMs(1000)).toBe(STALL_MIN_MS);
    expect(stallThresholdMs(60_000)).toBe(180_000);
  });
});
