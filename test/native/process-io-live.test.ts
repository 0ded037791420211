// Per-process disk I/O and power on the live machine: a child that writes 64 MB with fsync shows at
// least 64 MB written (Linux /proc/<pid>/io, macOS proc_pid_rusage); on Linux a child that reads a
// file past the page cache (O_DIRECT) shows the reads, and our own process's power is estimated from
// RAPL or unavailable with the reason; on macOS our own energy counter gives our power. The macOS
// workflow (.github/workflows/macos.yml) runs this file on Apple Silicon and Intel runners.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { derive } from '../../src/core/derive';
import { createSampler } from '../../src/core/sampler/sampler';
import type { RawSnapshot } from '../../src/shared/raw';

const linux = process.platform === 'linux';
const darwin = process.platform === 'darwin';
// Under the repo's build folder, not /tmp: a tmpfs /tmp never reaches storage, so it counts no bytes.
const dir = mkdtempSync(join(process.cwd(), 'build', 'io-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MB = 1024 * 1024;

/**
 * Runs `command` (argv) as a child that does its I/O, prints "done" and waits for a line on stdin
 * before exiting, so it can be sampled while it still exists.
 */
async function withChild(argv: readonly string[], check: (pid: number) => Promise<void>): Promise<void> {
  const child = spawn(argv[0] ?? '', argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const early = exited.then((code) => Promise.reject(new Error(`child exited early (${code})`)));
    await Promise.race([ready, early]);
    await check(child.pid ?? -1);
  } finally {
    child.stdin.end('x\n');
    await exited;
  }
}

const node = (script: string) => [
  process.execPath,
  '-e',
  `${script}; process.stdout.write('done\\n'); process.stdin.once('data', () => process.exit(0));`,
];

function bytesOf(snap: RawSnapshot, pid: number): { read: number; written: number } {
  if (!snap.processes?.ok) throw new Error('processes failed');
  const p = snap.processes.value;
  const i = Array.from(p.pid).indexOf(pid);
  expect(i, `pid ${pid} listed`).toBeGreaterThanOrEqual(0);
  return { read: p.diskReadBytes[i] ?? NaN, written: p.diskWriteBytes[i] ?? NaN };
}

describe.runIf(linux || darwin)('per-process disk writes, live', () => {
  it('counts a child that writes 64 MB with fsync', async () => {
    const file = join(dir, 'written.bin');
    const script = `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(file)},'w');const b=Buffer.alloc(${MB},7);for(let i=0;i<64;i++)fs.writeSync(fd,b);fs.fsyncSync(fd);fs.closeSync(fd)`;
    const sampler = createSampler();
    try {
      await withChild(node(script), async (pid) => {
        const snap = await sampler.sample(['processIo']);
        expect(bytesOf(snap, pid).written).toBeGreaterThanOrEqual(64 * MB);
      });
    } finally {
      sampler.close();
    }
  });

});

describe.runIf(linux)('per-process disk reads and estimated power, live', () => {
  it('counts a child that reads a file past the page cache', async () => {
    const file = join(dir, 'read.bin');
    const write = `require('fs').writeFileSync(${JSON.stringify(file)}, Buffer.alloc(${8 * MB}, 1))`;
    await withChild(node(write), async () => {});
    // dd with O_DIRECT bypasses the page cache, so the bytes come from storage; the shell that
    // reaped dd has them in its own totals (the kernel adds a reaped child's I/O to its parent's).
    const script = `dd if='${file}' of=/dev/null bs=1M iflag=direct 2>/dev/null; echo done; read x`;
    const sampler = createSampler();
    try {
      await withChild(['sh', '-c', script], async (pid) => {
        const snap = await sampler.sample(['processIo']);
        expect(bytesOf(snap, pid).read).toBeGreaterThanOrEqual(8 * MB);
      });
    } finally {
      sampler.close();
    }
  });

  it('estimates our own power from RAPL, or says why it cannot', async () => {
    const sampler = createSampler();
    try {
      const sections = ['cpu', 'rails', 'processes'] as const;
      const first = await sampler.sample([...sections]);
      const end = Date.now() + 200;
      while (Date.now() < end); // some CPU time of our own to share the package power by
      const second = await sampler.sample([...sections]);
      const sample = derive(first, second);
      if (!sample.processes?.ok) throw new Error('processes failed');
      const { power, processes } = sample.processes.value;
      const self = processes.find((p) => p.pid === process.pid);
      expect(power).toBeDefined();
      if (power?.kind === 'estimated') {
        expect(self?.powerW).toBeGreaterThan(0);
      } else {
        expect(power).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/RAPL|CPU usage/) });
        expect(self?.powerW).toBeUndefined();
      }
    } finally {
      sampler.close();
    }
  });
});

describe.runIf(darwin)('per-process energy on macOS, live', () => {
  it('measures our own power from our rusage energy counter', async () => {
    const sampler = createSampler();
    try {
      const first = await sampler.sample(['cpu', 'processes']);
      const end = Date.now() + 300;
      while (Date.now() < end); // CPU time of our own, so that our energy counter moves
      const second = await sampler.sample(['cpu', 'processes']);
      const sample = derive(first, second);
      if (!sample.processes?.ok) throw new Error('processes failed');
      const { power, processes } = sample.processes.value;
      expect(power?.kind).toBe('measured');
      const self = processes.find((p) => p.pid === process.pid);
      expect(self?.powerW).toBeGreaterThan(0);
    } finally {
      sampler.close();
    }
  });
});
