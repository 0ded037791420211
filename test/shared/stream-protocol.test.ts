/** The WebSocket stream protocol's message checks, including arbitrary input (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/shared/sections';
import { INTERVAL_BOUNDS_MS } from '../../src/shared/settings';
import { parseClientMessage } from '../../src/shared/stream-protocol';

describe('parseClientMessage', () => {
  it('accepts subscribe (interval optional) and unsubscribe', () => {
    expect(parseClientMessage('{"type":"subscribe","sections":["cpu","memory"],"intervalMs":1000}')).toEqual({
      ok: true,
      message: { type: 'subscribe', sections: ['cpu', 'memory'], intervalMs: 1000 },
    });
    expect(parseClientMessage('{"type":"subscribe","sections":["gpu"]}')).toEqual({
      ok: true,
      message: { type: 'subscribe', sections: ['gpu'] },
    });
    expect(parseClientMessage(' {"type":"unsubscribe"} ')).toEqual({
      ok: true,
      message: { type: 'unsubscribe' },
    });
  });

  it('names the field that is wrong', () => {
    const error = (text: string) => {
      const r = parseClientMessage(text);
      return r.ok ? 'accepted' : r.error;
    };
    expect(error('null')).toBe('message: expected a JSON object with a "type"');
    expect(error('{"type":"subscribe"}')).toBe('sections: required field missing');
    expect(error('{"type":"subscribe","sections":{}}')).toBe('sections: expected an array of section names');
    expect(error('{"type":"subscribe","sections":["cpu",7]}')).toBe(
      `sections[1]: expected one of ${SECTIONS.join(', ')}, got 7`,
    );
    expect(
      error(`{"type":"subscribe","sections":${JSON.stringify(Array(SECTIONS.length * 4 + 1).fill('cpu'))}}`),
    ).toBe(`sections: expected at most ${SECTIONS.length * 4} section names`);
    expect(error('{"type":"subscribe","sections":["cpu"],"intervalMs":249}')).toBe(
      `intervalMs: expected at least ${INTERVAL_BOUNDS_MS.min} ms`,
    );
    expect(error('{"type":"subscribe","sections":["cpu"],"intervalMs":null}')).toBe(
      'intervalMs: expected a number of milliseconds',
    );
    expect(error('{"type":"unsubscribe","sections":["cpu"]}')).toBe('sections: unexpected field "sections"');
  });

  it('never throws, and accepts only what the protocol allows (property test)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record(
          {
            type: fc.constantFrom('subscribe', 'unsubscribe', 'other'),
            sections: fc.array(fc.oneof(fc.constantFrom(...SECTIONS), fc.string(), fc.integer()), {
              maxLength: 50,
            }),
            intervalMs: fc.oneof(fc.integer(), fc.double(), fc.string()),
          },
          { requiredKeys: [] },
        )
        .map((r) => JSON.stringify(r)),
    );
    fc.assert(
      fc.property(value, (text) => {
        const r = parseClientMessage(text);
        if (!r.ok) {
          expect(r.error).toMatch(/^(message|type|sections(\[\d+\])?|intervalMs|[^:]+): /);
          return;
        }
        if (r.message.type === 'unsubscribe') return;
        expect(r.message.sections.length).toBeGreaterThan(0);
        for (const s of r.message.sections) expect(SECTIONS).toContain(s);
        const ms = r.message.intervalMs;
        if (ms !== undefined) {
          expect(Number.isInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(INTERVAL_BOUNDS_MS.min);
          expect(ms).toBeLessThanOrEqual(INTERVAL_BOUNDS_MS.max);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
