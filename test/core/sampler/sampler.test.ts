import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSampler, type Sampler } from '../../../src/core/sampler/sampler';
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

  it('names sections when they are not an array of known names, as a rejected promise', async () => {
    const s = createSampler();
    await expect(s.sample('cpu' as unknown as SectionName[])).rejects.toThrow(TypeError);
    await expect(s.sample([3 as unknown as SectionName])).rejects.toThrow(/sections: expected strings/);
    await expect(s.sample(['cpu', 'gpus' as SectionName])).rejects.toThrow(
      /sections: unknown section "gpus"/,
    );
    await s.close();
  });

  it('returns only the requested sections plus the clock, and rejects once closed', async () => {
    const s = createSampler();
    const snap = await s.sample(['memory', 'cpu']);
    expect(Object.keys(snap).sort()).toEqual(['cpu', 'memory', 'mono', 't']);
    expect(snap.t).toBeGreaterThan(Date.parse('2020-01-01'));
    const closing = s.close();
    expect(s.closed).toBe(true);
    // Idempotent and async, like Poller.close(): every call is the same promise.
    expect(s.close()).toBe(closing);
    await closing;
    await expect(s.sample()).rejects.toThrow(/after close/);
  });

  it('closes at the end of an `await using` block', async () => {
    let outer: Sampler | undefined;
    {
      await using s = createSampler();
      outer = s;
      expect(s.closed).toBe(false);
    }
    expect(outer.closed).toBe(true);
  });

  it('names addonPath when it is not a file', () => {
    expect(() => createSampler({ addonPath: 3 as unknown as string })).toThrow(/^addonPath: /);
    expect(() => createSampler({ addonPath: '/definitely/not/here.node' })).toThrow(
      /addonPath: "\/definitely\/not\/here.node" does not exist/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'dm-addon-'));
    writeFileSync(join(dir, 'broken.node'), 'not a shared object');
    // That file and no other: never a silent fallback to the package's own build.
    expect(() => createSampler({ addonPath: join(dir, 'broken.node') })).toThrow(/broken\.node/);
  });
});
