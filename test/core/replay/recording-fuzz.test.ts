// Fuzz target for the recording reader (a parser of files users send each other): damaged
// recordings — flipped characters, cut lines, random text, valid JSON of the wrong shape — either
// read into samples in time order or fail with a SyntaxError, TypeError or RangeError that names the
// file. Never another exception, never an out-of-order or empty result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecording } from '../../../src/core/replay';

const good = [1000, 2000, 3000]
  .map((t) => JSON.stringify({ t, mono: t * 1e6, memory: { ok: true, value: { usedPercent: t / 100 } } }))
  .join('\n');

function check(text: string): void {
  let result;
  try {
    result = parseRecording(text, 'sent.jsonl');
  } catch (error) {
    expect([SyntaxError, TypeError, RangeError].some((E) => error instanceof E)).toBe(true);
    expect((error as Error).message).toMatch(/^sent\.jsonl/);
    return;
  }
  expect(result.samples.length).toBeGreaterThan(0);
  for (let i = 1; i < result.samples.length; i++)
    expect(result.samples[i]!.t).toBeGreaterThan(result.samples[i - 1]!.t);
  expect(result.info.fromMs).toBe(result.samples[0]!.t);
}

describe('recording reader fuzz', () => {
  it('damaged recordings read or fail with a named error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.string({ maxLength: 3 }), (at, junk) =>
        check(good.slice(0, at) + junk + good.slice(at + 1)),
      ),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.integer({ min: 0, max: good.length }), (at) => check(good.slice(0, at))));
  });

  it('random text and JSON values of any shape never crash it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), check), { numRuns: 300 });
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (values) =>
        check(values.map((v) => JSON.stringify(v)).join('\n')),
      ),
      { numRuns: 300 },
    );
  });
});
