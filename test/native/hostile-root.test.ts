// A --root is input: a captured tree may hold FIFOs, devices, huge files and symlinks out of it
// (issue #17). Every read must return, stay bounded and stay inside the root, with openat2's
// RESOLVE_IN_ROOT and with the symlink walk used where the kernel lacks it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler';
import { valueOf } from '../../src/shared/metric-result';
import type { RawSnapshot } from '../../src/shared/raw';
import { fixtureRoot } from '../helpers/linux-fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-hostile-'));
  // Outside every root below: what a symlink must never reach.
  writeFileSync(join(dir, 'secret'), 'SECRET-OUTSIDE\n', { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let roots = 0;
/** A copy of the laptop fixture, changed by `edit`. */
function hostileRoot(edit: (root: string) => void): string {
  const root = join(dir, `root${roots++}`);
  cpSync(fixtureRoot('laptop'), root, { recursive: true, verbatimSymlinks: true });
  edit(root);
  return root;
}

function mkfifo(path: string): void {
  rmSync(path, { force: true });
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

function replaceWithLink(path: string, target: string): void {
  rmSync(path, { force: true });
  symlinkSync(target, path);
}

/** One full sample, failing the test instead of hanging it. */
async function sampleWithin(root: string, ms = 10_000): Promise<RawSnapshot> {
  const sampler = createSampler({ root });
  try {
    return await Promise.race([
      sampler.sample(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no sample within ${ms} ms`)), ms)),
    ]);
  } finally {
    sampler.close();
  }
}

const error = (snap: RawSnapshot, section: keyof RawSnapshot) => {
  const r = snap[section] as { ok: boolean; error?: { reason: string; message: string } };
  return r.ok ? undefined : r.error;
};

describe.each([
  ['openat2 RESOLVE_IN_ROOT', undefined],
  ['the symlink walk', 'walk'],
])('a hostile --root, read with %s', (_name, mode) => {
  beforeAll(() => {
    if (mode === undefined) delete process.env['DARWINMETRICS_IN_ROOT'];
    else process.env['DARWINMETRICS_IN_ROOT'] = mode;
  });
  afterAll(() => {
    delete process.env['DARWINMETRICS_IN_ROOT'];
  });

  it('answers at once for a FIFO, naming it as no regular file', async () => {
    const root = hostileRoot((r) => {
      mkfifo(join(r, 'proc/stat'));
      mkfifo(join(r, 'proc/1/stat'));
      mkfifo(join(r, 'sys/class/thermal/thermal_zone0/temp'));
    });
    const snap = await sampleWithin(root);
    expect(error(snap, 'cpu')).toEqual({
      reason: 'failed',
      message: 'proc/stat: not a regular file (a FIFO, device or socket is never read)',
    });
    expect(snap.memory?.ok).toBe(true);
    const p = valueOf(snap.processes);
    expect(p && [...p.pid].sort((a, b) => a - b)).toEqual([2, 100, 101, 102, 103, 107]);
  });

  it('never follows a symlink out of the root, absolute or by ..', async () => {
    const root = hostileRoot((r) => {
      replaceWithLink(join(r, 'proc/meminfo'), '/dev/zero');
      replaceWithLink(join(r, 'proc/sys/kernel/hostname'), join(dir, 'secret'));
      replaceWithLink(join(r, 'etc/os-release'), `../../../../../../../../..${join(dir, 'secret')}`);
      replaceWithLink(join(r, 'proc/2/stat'), '/proc/self/stat');
    });
    const snap = await sampleWithin(root);
    expect(error(snap, 'memory')).toMatchObject({ reason: 'unavailable' });
    expect(JSON.stringify(snap)).not.toContain('SECRET-OUTSIDE');
    const p = valueOf(snap.processes);
    expect(p?.pid).not.toContain(2);
    expect(p?.pid).not.toContain(process.pid);
  });

  it('resolves an absolute symlink against the root, as the tree itself would', async () => {
    const root = hostileRoot((r) => {
      mkdirSync(join(r, 'names'));
      writeFileSync(join(r, 'names/host'), 'inside-the-root\n');
      replaceWithLink(join(r, 'proc/sys/kernel/hostname'), '/names/host');
    });
    const snap = await sampleWithin(root);
    expect(valueOf(snap.host)?.hostname).toBe('inside-the-root');
  });

  it('caps every read: a table past 16 MiB and an attribute past 64 KiB are refused, not read', async () => {
    const root = hostileRoot((r) => {
      truncateSync(join(r, 'proc/meminfo'), 16 * 1024 * 1024 + 1);
      writeFileSync(join(r, 'sys/class/thermal/thermal_zone0/temp'), '4'.repeat(64 * 1024 + 1));
      writeFileSync(join(r, 'proc/1/stat'), 'x'.repeat(64 * 1024 + 1));
    });
    const snap = await sampleWithin(root);
    expect(error(snap, 'memory')).toEqual({
      reason: 'failed',
      message: 'proc/meminfo: larger than a file of its kind can be (read refused)',
    });
    const sensors = (valueOf(snap.thermal)?.sensors ?? []).map((s) => s.id);
    expect(sensors).not.toContain('thermal_zone0/temp');
    expect(sensors.length).toBeGreaterThan(0);
    expect(valueOf(snap.processes)?.pid).not.toContain(1);
  });

  it('ends a symlink loop with an error instead of walking it', async () => {
    const root = hostileRoot((r) => {
      replaceWithLink(join(r, 'proc/meminfo'), 'meminfo2');
      symlinkSync('meminfo', join(r, 'proc/meminfo2'));
    });
    const snap = await sampleWithin(root);
    expect(error(snap, 'memory')).toMatchObject({ reason: 'failed', message: expect.stringMatching(/symbolic links/) });
  });
});
