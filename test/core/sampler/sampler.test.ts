import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSampler } from '../../../src/core/sampler/sampler';
import type { SectionName } from '../../../src/shared/sections';

describe('createSampler argument checks', () => {
  it('names root when it is not a string, empty, missing or a file', () => {
    expect(() => createSampler({ root: 1 as unknown as string })).toThrow(TypeError);
    expect(() => createSampler({ root: 1 as unknown as string })).toThrow(/^root: /);
    expect(() => createSampler({ root: '' })).toThrow(RangeError);
    expect(() => createSampler({ root: '/definitely/not/here' })).toThrow(
      /root: "\/definitely\/not\/here" does not exist/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'dm-sampler-'));
    writeFileSync(join(dir, 'file'), '');
    expect(() => createSampler({ root: join(dir, 'file') })).toThrow(/root: .* is not a folder/);
    expect(() => createSampler(null as unknown as object)).toThrow(/options/);
  });

  it('names sections when they are not an array of known names', () => {
    const s = createSampler();
    expect(() => s.sample('cpu' as unknown as SectionName[])).toThrow(TypeError);
    expect(() => s.sample([3 as unknown as SectionName])).toThrow(/sections: expected strings/);
    expect(() => s.sample(['cpu', 'gpus' as SectionName])).toThrow(/sections: unknown section "gpus"/);
    s.close();
  });

  it('returns only the requested sections plus the clock, and throws once closed', async () => {
    const s = createSampler();
    const snap = await s.sample(['memory', 'cpu']);
    expect(Object.keys(snap).sort()).toEqual(['cpu', 'memory', 'mono', 't']);
    expect(snap.t).toBeGreaterThan(Date.parse('2020-01-01'));
    s.close();
    expect(s.closed).toBe(true);
    expect(() => s.sample()).toThrow(/after close/);
    expect(() => s.close()).toThrow(/twice/);
  });
});
