// Fuzz target for the history file decoder (a parser of untrusted bytes): damaged files and bodies
// — flipped bytes, truncations, rewritten header fields, all behind a valid gzip layer so the CRC does
// not catch them — either decode into a usable history or fail with a plain Error. Never another
// exception type, never a hang, never a store that crashes a later query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHistory, historyFromStore } from '../../../src/core/history/history';
import { decodeBody, encodeBody } from '../../../src/core/history/codec';
import { decodeHistory, encodeHistory } from '../../../src/core/history/file';

const T0 = Date.UTC(2026, 0, 1);

function smallBody(): Buffer {
  const history = createHistory({
    tiers: [
      { resolutionMs: 1000, capacity: 20, peaks: false },
      { resolutionMs: 10_000, capacity: 10, peaks: true },
    ],
    maxSeries: 4,
    maxProcessSeries: 2,
  });
  for (let s = 0; s < 60; s++) {
    history.pushPoints(T0 + s * 1000, [
      { id: 'cpu.busy', label: 'CPU', unit: '%', value: s },
      { id: `process.${s % 3}.cpuPercent`, label: 'p', unit: '%', value: s / 2 },
    ]);
  }
  return encodeBody(history.store);
}

function checkDecoded(body: Buffer): void {
  let store;
  try {
    store = decodeBody(body);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    return;
  }
  const history = historyFromStore(store, { now: () => 0 });
  for (const range of ['1m', '1h', '7d'] as const) {
    history.query({ series: history.listSeries().map((s) => s.id), range, maxPoints: 7 });
  }
  history.pushPoints(T0 + 3_600_000, [{ id: 'cpu.busy', label: 'CPU', unit: '%', value: 1 }]);
}

describe('history file fuzz', () => {
  const body = smallBody();
  const headerLength = body.readUInt32LE(0);

  it('survives flipped bytes anywhere in the body', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(body.length - 1), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (flips) => {
          const copy = Buffer.from(body);
          for (const [at, xor] of flips) copy[at] = copy[at]! ^ xor;
          checkDecoded(copy);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('survives truncation and trailing garbage', () => {
    fc.assert(
      fc.property(fc.nat(body.length), fc.uint8Array({ maxLength: 64 }), (cut, extra) => {
        checkDecoded(Buffer.concat([body.subarray(0, cut), Buffer.from(extra)]));
      }),
      { numRuns: 300 },
    );
  });

  it('survives rewritten header fields', () => {
    const header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8')) as Record<string, unknown>;
    const rest = body.subarray(4 + headerLength);
    const weird = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.string(),
      fc.constant(1e12),
      fc.constant(-1),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.constant({}),
    );
    const paths = [
      'lastT',
      'maxSeries',
      'maxProcessSeries',
      'tiers.0.capacity',
      'tiers.0.open',
      'tiers.1.resolutionMs',
      'tiers.1.peaks',
      'series.0.id',
      'series.1.born',
      'series.0.born.0',
      'series',
      'tiers',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), weird, (path, value) => {
        const h = structuredClone(header);
        const keys = path.split('.');
        let node: Record<string, unknown> = h;
        for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
        node[keys.at(-1)!] = value;
        const json = Buffer.from(JSON.stringify(h), 'utf8');
        const length = Buffer.alloc(4);
        length.writeUInt32LE(json.length, 0);
        checkDecoded(Buffer.concat([length, json, rest]));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects damaged whole files with an Error', async () => {
    const history = createHistory();
    history.pushPoints(T0, [{ id: 'a', label: 'a', unit: '', value: 1 }]);
    const file = await encodeHistory(history.store);
    await fc.assert(
      fc.asyncProperty(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const copy = Buffer.from(file);
        copy[at] = copy[at]! ^ xor;
        await decodeHistory(copy).then(
          (store) => expect(store.series.size).toBeLessThanOrEqual(1),
          (error: unknown) => expect(error).toBeInstanceOf(Error),
        );
      }),
      { numRuns: 200 },
    );
  });
});
