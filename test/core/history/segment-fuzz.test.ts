// Fuzz target for the segment decoder (a parser of bytes a crash or a disk may have damaged):
// flipped bytes, truncations, appended junk and random records either decode to records that make
// sense or stop with `problem` at a record boundary. Never a throw other than a header Error, never
// a record past validBytes, never a hang.
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSegment,
  encodeAssign,
  encodeBucket,
  encodeClose,
  encodeHeader,
  HEADER_BYTES,
  walkSegment,
} from '../../../src/core/history/segment';

const SLOTS = 3;

function segment(): Buffer {
  const values = new Float32Array(SLOTS * 3).map((_, i) => i * 1.5);
  return Buffer.concat([
    encodeHeader({ resolutionMs: 10_000, slots: SLOTS }),
    encodeAssign(0, { id: 'cpu.busy', label: 'CPU busy', unit: '%' }),
    encodeAssign(2, { id: 'thermal.x', label: 'X', unit: '°C' }),
    encodeBucket(1_767_225_600_000, values),
    encodeAssign(2, undefined),
    encodeBucket(1_767_225_610_000, values),
    encodeClose(1_767_225_615_000),
  ]);
}

function check(file: Buffer): void {
  let decoded;
  try {
    decoded = decodeSegment(file);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(RangeError);
    return;
  }
  expect(decoded.validBytes).toBeGreaterThanOrEqual(HEADER_BYTES);
  expect(decoded.validBytes).toBeLessThanOrEqual(file.length);
  if (decoded.problem === undefined) expect(decoded.validBytes).toBe(file.length);
  for (const record of decoded.records) {
    if (record.type === 'assign') expect(record.slot).toBeLessThan(decoded.header.slots);
    if (record.type === 'bucket') {
      expect(record.values.length).toBe(decoded.header.slots * 3);
      expect(Number.isFinite(record.startMs)).toBe(true);
    }
  }
}

describe('segment decoder fuzz', () => {
  it('reads back what was written', () => {
    const decoded = decodeSegment(segment());
    expect(decoded.problem).toBeUndefined();
    expect(decoded.records.map((r) => r.type)).toEqual([
      'assign',
      'assign',
      'bucket',
      'assign',
      'bucket',
      'close',
    ]);
  });

  it('cuts any truncation at the last whole record', () => {
    const whole = segment();
    for (let n = HEADER_BYTES; n < whole.length; n++) {
      const decoded = decodeSegment(whole.subarray(0, n));
      // A cut at a record boundary is a shorter, whole segment; anywhere else a torn record.
      if (decoded.validBytes === n) expect(decoded.problem).toBeUndefined();
      else expect(decoded.problem).toMatch(/torn/);
      const again = decodeSegment(whole.subarray(0, decoded.validBytes));
      expect(again.problem).toBeUndefined();
      expect(again.records).toEqual(decoded.records);
    }
  });

  it('skips the checksum only of records within the trusted bytes', () => {
    const file = segment();
    const whole = decodeSegment(file);
    // Damage the checksum of the last record (the close record, 24 bytes from the end).
    file[file.length - 20] = file[file.length - 20]! ^ 0xff;
    expect(decodeSegment(file).problem).toBe('record checksum mismatch');
    expect(walkSegment(file, {}, file.length - 1).problem).toBe('record checksum mismatch');
    expect(walkSegment(file, {}, file.length).problem).toBeUndefined();
    expect(decodeSegment(file, file.length).records).toEqual(whole.records);
  });

  it('tells a visitor the same buckets as the decoded records, then that it ended', () => {
    const seen: number[][] = [];
    let ended = false;
    walkSegment(segment(), {
      bucket: (_t, floats, base) => seen.push([...floats.subarray(base, base + SLOTS * 3)]),
      end: () => (ended = true),
    });
    const decoded = decodeSegment(segment()).records.flatMap((r) =>
      r.type === 'bucket' ? [[...r.values]] : [],
    );
    expect(seen).toEqual(decoded);
    expect(ended).toBe(true);
  });

  it('survives flipped bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
        (flips) => {
          const file = segment();
          for (const [at, mask] of flips) file[at % file.length] = file[at % file.length]! ^ mask;
          check(file);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('survives random bytes after a valid header, and random whole files', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (junk, withHeader) => {
        const head = withHeader ? encodeHeader({ resolutionMs: 60_000, slots: SLOTS }) : Buffer.alloc(0);
        check(Buffer.concat([head, Buffer.from(junk)]));
      }),
      { numRuns: 2000 },
    );
  });

  it('survives well-framed records with nonsense inside (a valid checksum over garbage)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 60 }), { maxLength: 6 }), (payloads) => {
        const frames = payloads.map((p) => {
          const f = Buffer.alloc(8 + p.length);
          f.writeUInt32LE(p.length, 0);
          f.writeUInt32LE(crc32(p), 4);
          Buffer.from(p).copy(f, 8);
          return f;
        });
        check(Buffer.concat([encodeHeader({ resolutionMs: 10_000, slots: SLOTS }), ...frames]));
      }),
      { numRuns: 2000 },
    );
  });
});
