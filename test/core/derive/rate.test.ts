import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedPercent, counterDelta, counterRate } from '../../../src/core/derive/rate';

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, Number.MAX_VALUE, 2 ** 32, 2 ** 64),
);

describe('counter rates', () => {
  it('are never negative, NaN or infinite, whatever the readings', () => {
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        anyNumber,
        fc.option(anyNumber, { nil: undefined }),
        (a, b, s, wrap) => {
          const r = counterRate(a, b, s, wrap);
          if (r !== undefined) {
            expect(Number.isFinite(r)).toBe(true);
            expect(r).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('give no rate when the counter went backwards (reset) and no wrap is known', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.double({ min: 0.001, max: 1e6, noNaN: true }), (a, b, s) => {
        fc.pre(b < a);
        expect(counterRate(a, b, s)).toBeUndefined();
      }),
    );
  });

  it('undo exactly one wrap of a counter with a known range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (range, x, y) => {
          const prev = Math.floor(range * x);
          const cur = Math.floor(range * y);
          const d = counterDelta(prev, cur, range);
          expect(d).toBeDefined();
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(range);
          // The wrapped delta plus the previous reading lands on the current one, modulo the range.
          expect(((prev + (d ?? 0)) % range) - (cur % range)).toBeCloseTo(0, 0);
        },
      ),
    );
  });

  it('treat a reading outside the counter range as a reset, not a wrap', () => {
    expect(counterDelta(100, 5, 50)).toBeUndefined();
    expect(counterDelta(40, 60, 50)).toBe(20);
  });

  it('add up over a monotonic series to the overall delta', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e9 }), { minLength: 2, maxLength: 50 }), (steps) => {
        let total = 0;
        let value = 0;
        for (const step of steps) {
          const next = value + step;
          total += (counterRate(value, next, 2) ?? NaN) * 2;
          value = next;
        }
        expect(total).toBe(steps.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('need a positive elapsed time', () => {
    expect(counterRate(1, 2, 0)).toBeUndefined();
    expect(counterRate(1, 2, -1)).toBeUndefined();
    expect(counterRate(1, 2, undefined)).toBeUndefined();
    expect(counterRate(1, 3, 0.5)).toBe(4);
  });
});

describe('boundedPercent', () => {
  it('clamps a small overshoot and drops a large one', () => {
    expect(boundedPercent(50, 100)).toBe(50);
    expect(boundedPercent(105, 100)).toBe(100);
    expect(boundedPercent(150, 100)).toBeUndefined();
    expect(boundedPercent(-1, 100)).toBeUndefined();
    expect(boundedPercent(1, 0)).toBeUndefined();
  });
});
