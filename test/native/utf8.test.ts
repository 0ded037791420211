// Text that is not valid UTF-8 reaches JS with U+FFFD exactly where the WHATWG decoder (TextDecoder,
// "replacement" error mode: one U+FFFD per maximal ill-formed subpart) puts them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampler, type Sampler } from '../../src/core/sampler/sampler';

describe('UTF-8 sanitising of system text', () => {
  const root = mkdtempSync(join(tmpdir(), 'dm-utf8-'));
  const bat = join(root, 'sys/class/power_supply/BAT0');
  let sampler: Sampler;
  beforeAll(() => {
    mkdirSync(bat, { recursive: true });
    writeFileSync(join(bat, 'type'), 'Battery\n');
    sampler = createSampler({ root });
  });
  afterAll(() => sampler.close());

  async function modelOf(bytes: Uint8Array): Promise<string | undefined> {
    // 'x' on both sides: the reader trims whitespace around a sysfs value.
    writeFileSync(join(bat, 'model_name'), Buffer.concat([Buffer.from('x'), bytes, Buffer.from('x\n')]));
    const snap = await sampler.sample(['power']);
    return snap.power?.ok ? snap.power.value.batteries[0]?.model : undefined;
  }

  const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from('x'), bytes, Buffer.from('x')]));

  it('matches TextDecoder on the edge cases of the standard', async () => {
    const cases = [
      [0xc0, 0xaf], // overlong '/'
      [0xe0, 0x80, 0xaf], // overlong, 3 bytes
      [0xed, 0xa0, 0x80], // UTF-16 surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe2, 0x82], // truncated '€'
      [0xf0, 0x9f, 0x98], // truncated emoji
      [0xff, 0xfe, 0x80],
      [0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], // valid '€😀'
    ];
    for (const c of cases) expect(await modelOf(Uint8Array.from(c))).toBe(decode(Uint8Array.from(c)));
  });

  it('matches TextDecoder on arbitrary bytes', async () => {
    const bytes = fc.uint8Array({ maxLength: 24 }).map((b) => b.map((x) => (x === 0x0a ? 0x80 : x)));
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        expect(await modelOf(b)).toBe(decode(b));
      }),
      { numRuns: 150 },
    );
  });
});
