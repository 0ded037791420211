/**
 * A library user on macOS gets the same Sample as the app: createSampler applies the darwin
 * normalisation to whatever a darwin backend returns. Proven on Linux with a fake darwin addon loaded
 * through createSampler({ addonPath }), whose snapshot carries raw material (vm_statistics64 page
 * counts, raw SMC bytes) that only normalizeDarwin turns into RawSnapshot fields.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeDarwin } from '../../../src/core/darwin';
import { derive } from '../../../src/core/derive';
import { createSampler } from '../../../src/core/sampler';
import type { NativeDarwinSnapshot } from '../../../src/core/darwin';

/** 45.5 as a little-endian IEEE float, the SMC 'flt ' type on Apple Silicon. */
const FLT_45_5 = [...new Uint8Array(new Float32Array([45.5]).buffer)];

const SNAPSHOT = {
  t: 1_700_000_000_000,
  mono: 5e12,
  memory: {
    ok: true,
    value: {
      totalBytes: 16 * 2 ** 30,
      freeBytes: 0,
      availableBytes: 0,
      usedBytes: 0,
      cachedBytes: 0,
      swapTotalBytes: 2 ** 30,
      swapUsedBytes: 0,
    },
  },
  thermal: { ok: true, value: { sensors: [], smc: [{ key: 'Tp01', type: 'flt ', bytes: FLT_45_5 }] } },
  darwin: {
    appleSilicon: true,
    vm: {
      pageSize: 16384,
      free: 1000,
      active: 5000,
      inactive: 4000,
      speculative: 100,
      throttled: 0,
      wired: 2000,
      purgeable: 300,
      external: 3000,
      internal: 6000,
      compressor: 700,
    },
    memoryPressureLevel: 1,
  },
};

const dir = mkdtempSync(join(tmpdir(), 'dm-fake-darwin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CommonJS module with the addon's exports, reporting the darwin backend. */
function fakeDarwinAddon(): string {
  const path = join(dir, 'fake-darwin-addon.cjs');
  writeFileSync(
    path,
    `const text = ${JSON.stringify(JSON.stringify(SNAPSHOT))};
const snapshot = () => JSON.parse(text, (key, value) => (key === 'bytes' ? new Uint8Array(value) : value));
class Sampler {
  sample() { return Promise.resolve(snapshot()); }
  close() {}
  get closed() { return false; }
}
module.exports = { backendInfo: () => ({ platform: 'darwin', napiVersion: 8 }), Sampler };
`,
  );
  return path;
}

function expectedRaw() {
  const native = JSON.parse(JSON.stringify(SNAPSHOT), (key, value) =>
    key === 'bytes' ? new Uint8Array(value as number[]) : (value as unknown),
  ) as NativeDarwinSnapshot;
  return normalizeDarwin(native);
}

describe('createSampler with a darwin backend', () => {
  it('returns the normalised snapshot the app works from, not the raw material', async () => {
    await using sampler = createSampler({ addonPath: fakeDarwinAddon() });
    const raw = await sampler.sample();
    expect(raw).toEqual(expectedRaw());
    expect(raw).not.toHaveProperty('darwin');
    // The SMC bytes became a sensor and the page counts became Activity Monitor's figures.
    expect(raw.thermal?.ok && raw.thermal.value.sensors.map((s) => s.celsius)).toEqual([45.5]);
    expect(raw.thermal?.ok && 'smc' in raw.thermal.value).toBe(false);
    expect(raw.memory?.ok && raw.memory.value.usedBytes).toBeGreaterThan(0);
    expect(raw.memory?.ok && raw.memory.value.pressureLevel).toBe('normal');
    // And derive gives the same Sample as from the app's own pipeline.
    expect(derive(undefined, raw)).toEqual(derive(undefined, expectedRaw()));
  });
});
