/**
 * The decoders added for issue 18 on arbitrary input: whatever the native side or a broken
 * firmware hands them, they never throw and never yield a negative, NaN or infinite figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRails } from '../../../src/core/derive/power';
import { RailCadence } from '../../../src/core/derive/rail-cadence';
import { cpuClusterTables } from '../../../src/shared/darwin/dvfs';
import { darwinInterfaceKind } from '../../../src/shared/darwin/network';
import { darwinProcessState, machTickNs } from '../../../src/shared/darwin/processes';
import type { RawRails } from '../../../src/shared/raw';

const reading = fc.record({
  dtNs: fc.oneof(fc.integer({ min: 0, max: 5e9 }), fc.constantFrom(-1e9, 0)),
  energyJ: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(NaN, -1, Infinity)),
  stamped: fc.boolean(),
});

describe('issue 18 decoders on arbitrary input', () => {
  it('RailCadence + deriveRails: watts are absent or finite and non-negative', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 40 }), (readings) => {
        const cadence = new RailCadence();
        let mono = 1e9;
        let prev: RawRails | undefined;
        for (const r of readings) {
          mono += r.dtNs;
          const rail = { name: 'cpu', energyJ: r.energyJ, ...(r.stamped ? { monoNs: mono + 1e6 } : {}) };
          const cur: RawRails = { rails: [cadence.annotate(rail, mono)] };
          const w = deriveRails(prev, cur, 1).rails[0]?.watts;
          if (w !== undefined) {
            expect(Number.isFinite(w)).toBe(true);
            expect(w).toBeGreaterThanOrEqual(0);
          }
          prev = cur;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cpuClusterTables: ladders of plausible, non-falling MHz whatever the pmgr blobs hold', () => {
    const key = fc.constantFrom(
      'voltage-states1',
      'voltage-states1-sram',
      'voltage-states5',
      'voltage-states7-sram',
      'acc-clusters',
    );
    fc.assert(
      fc.property(fc.dictionary(key, fc.uint8Array({ maxLength: 96 })), (props) => {
        for (const t of cpuClusterTables(new Map(Object.entries(props)))) {
          for (const m of t.mhz) expect(Number.isFinite(m) && m > 0).toBe(true);
        }
      }),
    );
  });

  it('process and interface decoders accept any number', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.double(), fc.double(), (status, running, numer, hz) => {
        expect(darwinProcessState(status, running)).toBeGreaterThan(0);
        const ns = machTickNs({ numer, denom: 3, tbFrequencyHz: hz, translated: false });
        if (ns !== undefined) expect(Number.isFinite(ns) && ns > 0).toBe(true);
        expect(darwinInterfaceKind({ name: 'x', ifType: status, loopback: false }, undefined)).toMatch(
          /^(ethernet|wireless|other)$/,
        );
      }),
    );
  });
});
