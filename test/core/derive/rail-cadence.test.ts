/**
 * Rail watts from IOReport Energy Model counters (issue 18, items 3 and 4):
 * - the interval is the IOReport sample's own stamp (ioreportMonoNs), not the snapshot's;
 * - counters that publish in batches (about every 2.1 s on macOS 27: lablup/all-smi#410,
 *   vladkens/macmon#76) give steady watts at a 1 s tick, not 0 W and then double.
 */
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive';
import { energyRails } from '../../../src/core/darwin/normalize-parts';
import { normalizeDarwin } from '../../../src/core/darwin/normalize';
import type { NativeDarwinSnapshot } from '../../../src/core/darwin/native-types';
import { RailCadence } from '../../../src/core/derive/rail-cadence';
import type { NativeSampler, NativeSnapshot } from '../../../src/core/native/native-types';
import { normalizerFor, Sampler } from '../../../src/core/sampler';
import type { RawSnapshot } from '../../../src/shared/raw';

function native(mono: number, ioreportMonoNs: number, mj: number): NativeDarwinSnapshot {
  return {
    t: mono / 1e6,
    mono,
    rails: { ok: true, value: { rails: [] } },
    darwin: {
      appleSilicon: true,
      ioreportMonoNs,
      energy: [{ group: 'Energy Model', subgroup: '', channel: 'CPU Energy', unit: 'mJ', value: mj }],
    },
  } as unknown as NativeDarwinSnapshot;
}

const cpuWatts = (prev: RawSnapshot, cur: RawSnapshot): number | undefined => {
  const r = derive(prev, cur).rails;
  return r?.ok ? r.value.rails.find((x) => x.name === 'cpu')?.watts : undefined;
};

/** Readings of a 10 W counter that publishes every `batchS` seconds, sampled every `tickS`. */
function batchedRun(
  batchS: number,
  tickS: number,
  seconds: number,
  cadence?: RailCadence,
): (number | undefined)[] {
  const watts: (number | undefined)[] = [];
  let prev: RawSnapshot | undefined;
  for (let t = tickS; t <= seconds; t += tickS) {
    // Phase 0.37 s: the batch boundaries never line up with the ticks.
    const published = Math.max(0, Math.floor((t - 0.37) / batchS)) * batchS * 10_000; // mJ at 10 W
    // Reading the other sections takes a varying 0–200 ms before IOReport is read.
    const mono = Math.round(t * 1e9);
    const io = mono + ((t * 7919) % 200) * 1e6;
    const snap = normalizeDarwin(native(mono, io, published));
    const cur = cadence ? cadence.annotateSnapshot(snap) : snap;
    if (prev) watts.push(cpuWatts(prev, cur));
    prev = cur;
  }
  return watts;
}

describe('rail watts', () => {
  it('divide by the IOReport stamps, not the snapshot stamps', () => {
    const a = normalizeDarwin(native(1e9, 1.1e9, 0));
    const b = normalizeDarwin(native(2e9, 2.35e9, 12_500)); // 12.5 J over 1.25 s of IOReport time
    expect(cpuWatts(a, b)).toBeCloseTo(10, 9);
  });

  it('trim unit labels before matching them', () => {
    const rails = energyRails([
      { group: 'Energy Model', subgroup: '', channel: 'GPU Energy', unit: ' nJ ', value: 3e9 },
    ]);
    expect(rails).toEqual([{ name: 'gpu', energyJ: 3 }]);
  });

  it('are steady for a counter that publishes every 2.1 s, sampled at 1 s', () => {
    const naive = batchedRun(2.1, 1, 60);
    // Without per-rail history: 0 W on the ticks where the counter sat still, double on others.
    expect(naive.some((w) => w === 0)).toBe(true);
    expect(Math.max(...naive.map((w) => w ?? 0))).toBeGreaterThan(19);

    const steady = batchedRun(2.1, 1, 90, new RailCadence()).slice(20);
    for (const w of steady) {
      expect(w).toBeDefined();
      expect(Math.abs((w ?? 0) - 10) / 10).toBeLessThan(0.1);
    }
  });

  it('follow a continuous counter tick by tick, and fall to 0 W when a batched one stops', () => {
    const cadence = new RailCadence();
    const snap = (t: number, mj: number): RawSnapshot =>
      cadence.annotateSnapshot(normalizeDarwin(native(t * 1e9, t * 1e9, mj)));
    // Continuous: 5 W, then 20 W from the next tick on.
    const s1 = snap(1, 0);
    const s2 = snap(2, 5000);
    const s3 = snap(3, 25_000);
    expect(cpuWatts(s1, s2)).toBeCloseTo(5, 9);
    expect(cpuWatts(s2, s3)).toBeCloseTo(20, 9);

    const other = new RailCadence();
    const at = (t: number, mj: number): RawSnapshot =>
      other.annotateSnapshot(normalizeDarwin(native(t * 1e9, t * 1e9, mj)));
    // Batched: moves at 3, 5, 7 s (2 s apart), then never again.
    const seq = [
      at(1, 0),
      at(2, 0),
      at(3, 20_000),
      at(4, 20_000),
      at(5, 40_000),
      at(6, 40_000),
      at(7, 60_000),
    ];
    let prev = seq[seq.length - 1] as RawSnapshot;
    const after: (number | undefined)[] = [];
    for (let t = 8; t <= 12; t++) {
      const cur = at(t, 60_000);
      after.push(cpuWatts(prev, cur));
      prev = cur;
    }
    expect(after[0]).toBeCloseTo(10, 9); // still within its cadence: holds 10 W
    expect(after[after.length - 1]).toBe(0); // 5 s without a move (> 2 × the 2 s gap): stopped
  });

  it('give no watts for the interval where a counter went backwards', () => {
    const cadence = new RailCadence();
    const a = cadence.annotateSnapshot(normalizeDarwin(native(1e9, 1e9, 9000)));
    const b = cadence.annotateSnapshot(normalizeDarwin(native(2e9, 2e9, 10)));
    expect(cpuWatts(a, b)).toBeUndefined();
  });

  it('are steady through the macOS Sampler, which keeps one RailCadence per sampler', async () => {
    let t = 0;
    const fake: NativeSampler = {
      closed: false,
      close: () => undefined,
      sample: () => {
        t += 1;
        const mj = Math.max(0, Math.floor((t - 0.37) / 2.1)) * 2.1 * 10_000;
        return Promise.resolve(native(t * 1e9, t * 1e9, mj) as unknown as NativeSnapshot);
      },
    };
    {
      // The darwin normaliser, as createSampler picks it for an addon whose backend is darwin.
      const sampler = new Sampler(fake, normalizerFor('darwin'));
      let prev = await sampler.sample(['rails']);
      const watts: (number | undefined)[] = [];
      for (let i = 0; i < 40; i++) {
        const cur = await sampler.sample(['rails']);
        watts.push(cpuWatts(prev, cur));
        prev = cur;
      }
      for (const w of watts.slice(20)) expect(Math.abs((w ?? 0) - 10)).toBeLessThan(1);
    }
  });
});
