// The demand-driven process extras on Linux fixture trees: processIo fills the disk byte columns only
// when asked, processGpu lists DRM clients from fdinfo (each client id once per device), and the
// process table survives a pid that vanishes between listing and reading. The fdinfo texts follow
// the kernel's examples (Documentation/gpu/drm-usage-stats.rst, Documentation/gpu/xe/xe-drm-usage-stats.rst).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import type { RawProcesses } from '../../src/shared/raw';
import { fixtureRoot } from '../helpers/linux-fixtures';

const root = fixtureRoot('gpu-clients');

function row(p: RawProcesses, pid: number): number {
  const i = Array.from(p.pid).indexOf(pid);
  expect(i, `pid ${pid} in the table`).toBeGreaterThanOrEqual(0);
  return i;
}

describe('processIo', () => {
  it('reads proc/<pid>/io only when asked, and leaves missing or non-regular files unknown', async () => {
    const sampler = createSampler({ root });
    try {
      const plain = await sampler.sample(['processes']);
      expect(plain.processIo).toBeUndefined();
      if (!plain.processes?.ok) throw new Error('processes failed');
      expect(plain.processes.value.diskReadBytes[row(plain.processes.value, 300)]).toBeNaN();

      const snap = await sampler.sample(['processIo']);
      // processIo brings the table with it: the columns have nowhere else to go.
      if (!snap.processes?.ok || !snap.processIo?.ok) throw new Error('sections failed');
      const p = snap.processes.value;
      expect(p.diskReadBytes[row(p, 300)]).toBe(409600);
      expect(p.diskWriteBytes[row(p, 300)]).toBe(819200);
      expect(p.diskReadBytes[row(p, 301)]).toBeNaN(); // no io file
      expect(p.diskReadBytes[row(p, 302)]).toBeNaN(); // io is a folder: refused, never read
      expect(snap.processIo.value).toEqual({ readable: 1, denied: 0 });
    } finally {
      sampler.close();
    }
  });

  it('skips a pid whose files vanished between listing and reading', async () => {
    const sampler = createSampler({ root });
    try {
      const snap = await sampler.sample(['processes']);
      if (!snap.processes?.ok) throw new Error('processes failed');
      expect(Array.from(snap.processes.value.pid).sort()).toEqual([300, 301, 302, 303, 304]);
      expect(snap.processes.value.energyNj).toBeInstanceOf(Float64Array);
    } finally {
      sampler.close();
    }
  });
});

describe('processGpu', () => {
  it('lists each DRM client once, with engines and memory as the driver reports them', async () => {
    const sampler = createSampler({ root });
    try {
      const snap = await sampler.sample(['processGpu']);
      if (!snap.processGpu?.ok) throw new Error(`processGpu failed: ${JSON.stringify(snap.processGpu)}`);
      const clients = [...snap.processGpu.value.clients].sort((a, b) => a.driver.localeCompare(b.driver));
      expect(clients.map((c) => [c.driver, c.clientId])).toEqual([
        ['amdgpu', '7'],
        ['i915', '18'],
        ['xe', '3'],
      ]);
      const [amd, i915, xe] = clients as [(typeof clients)[0], (typeof clients)[0], (typeof clients)[0]];
      // Two descriptors in pid 300 and an inherited one in pid 304 share amdgpu client 7.
      expect([300, 304]).toContain(amd.pid);
      expect(amd.device).toBe('0000:03:00.0');
      expect(amd.engines.find((e) => e.name === 'gfx')?.busyNs).toBe(1118357016);
      expect(amd.memoryBytes).toBe((17100 + 4136) * 1024); // legacy drm-memory-*, summed
      expect(amd.residentBytes).toBeNaN();
      expect(i915.pid).toBe(301);
      expect(i915.engines.find((e) => e.name === 'video')).toMatchObject({ busyNs: 0, capacity: 2 });
      expect(i915.memoryBytes).toBe(14248 * 1024);
      expect(i915.residentBytes).toBe(14248 * 1024);
      expect(xe.engines.find((e) => e.name === 'rcs')).toMatchObject({
        cycles: 28257900,
        totalCycles: 7655183225,
        capacity: 1,
      });
      expect(xe.engines.find((e) => e.name === 'rcs')?.busyNs).toBeNaN();
      expect(xe.engines.find((e) => e.name === 'ccs')?.capacity).toBe(4);
      expect(xe.memoryBytes).toBe((192 + 23992) * 1024);
      expect(snap.processGpu.value.denied).toBe(0);
    } finally {
      sampler.close();
    }
  });

  it('follows the counters from one sample to the next', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'dm-gpu-clients-'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
    const sampler = createSampler({ root: copy });
    try {
      await sampler.sample(['processGpu']);
      writeFileSync(
        join(copy, 'proc/301/fdinfo/4'),
        'drm-driver:\ti915\ndrm-client-id:\t18\ndrm-pdev:\t0000:00:02.0\ndrm-engine-render:\t9788864723 ns\n',
      );
      const snap = await sampler.sample(['processGpu']);
      if (!snap.processGpu?.ok) throw new Error('processGpu failed');
      const i915 = snap.processGpu.value.clients.find((c) => c.driver === 'i915');
      expect(i915?.engines.find((e) => e.name === 'render')?.busyNs).toBe(9788864723);
    } finally {
      sampler.close();
    }
  });
});
