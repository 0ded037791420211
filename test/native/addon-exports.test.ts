import { describe, expect, it } from 'vitest';
import { loadAddon } from '../../src/core/native/addon';
import type { NativeAddon, NativeSampler } from '../../src/core/native/native-types';

// The hand-written declaration in src/core/native/native-types.ts, as runtime facts: every name and kind.
// smcDump exists only in macOS builds.
const ADDON_EXPORTS: Partial<Record<keyof NativeAddon, 'function'>> = {
  backendInfo: 'function',
  Sampler: 'function',
  ...(process.platform === 'darwin' ? { smcDump: 'function' as const } : {}),
};
const SAMPLER_METHODS: readonly (keyof NativeSampler)[] = ['sample', 'close'];

describe('native addon exports', () => {
  const addon = loadAddon();

  it('exports exactly the declared names with the declared kinds', () => {
    expect(Object.keys(addon).sort()).toEqual(Object.keys(ADDON_EXPORTS).sort());
    for (const [name, kind] of Object.entries(ADDON_EXPORTS)) {
      expect(typeof (addon as unknown as Record<string, unknown>)[name]).toBe(kind);
    }
  });

  it('gives Sampler instances the declared methods and the closed accessor', () => {
    const proto = addon.Sampler.prototype as Record<string, unknown>;
    for (const m of SAMPLER_METHODS) expect(typeof proto[m]).toBe('function');
    const closed = Object.getOwnPropertyDescriptor(proto, 'closed');
    expect(typeof closed?.get).toBe('function');
    expect(closed?.set).toBeUndefined();
  });

  it('rejects bad arguments in native code too, naming them', () => {
    expect(() => new addon.Sampler({ root: 42 as unknown as string })).toThrow(/root/);
    const s = new addon.Sampler();
    expect(() => s.sample(['nope' as 'cpu'])).toThrow(RangeError);
    expect(() => s.sample('cpu' as unknown as [])).toThrow(/sections/);
    s.close();
    expect(s.closed).toBe(true);
    expect(() => s.sample()).toThrow(/close/);
  });

  it('queues overlapping samples, resolves them in order, and rejects those queued at close()', async () => {
    const s = new addon.Sampler();
    const a = s.sample(['memory']);
    const b = s.sample(['memory']);
    const c = s.sample(['memory']);
    const [ra, rb] = await Promise.all([a, b]);
    expect(rb.mono).toBeGreaterThanOrEqual(ra.mono);
    await c;
    const d = s.sample(['memory']);
    const e = s.sample(['memory']).then(
      () => 'resolved',
      (err: Error) => err.message,
    );
    s.close();
    await expect(d).resolves.toHaveProperty('memory');
    expect(await e).toMatch(/closed before this sample started/);
  });
});
