// NVIDIA per-process GPU through the addon's real NVML path, on a machine without an NVIDIA GPU: a
// fake libnvidia-ml.so.1 (native/test/fake_nvml.c, built here with the system C compiler) is found
// by dlopen through LD_LIBRARY_PATH in a child process, which samples processGpu and derives it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript } from '../helpers/bundle-cli';

const repo = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'dm-fake-nvml-'));
const bundle = join(dir, 'nvml-child.mjs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const cc = process.env['CC'] ?? 'cc';
  execFileSync(cc, ['-shared', '-fPIC', '-O1', '-o', join(dir, 'libnvidia-ml.so.1'), join(repo, 'native/test/fake_nvml.c')]);
  await bundleScript(join(__dirname, 'helpers', 'nvml-child.ts'), bundle);
});

interface ChildReport {
  readonly pid: number;
  readonly clients: readonly {
    pid: number;
    device: string;
    clientId: string;
    engines: { name: string; percent: number }[];
    memoryBytes: number | null;
  }[];
  readonly unavailable: readonly string[];
  readonly summary: unknown;
  readonly self?: { gpuPercent?: number; gpuMemoryBytes?: number };
}

function runChild(mode: 'ok' | 'unsupported' | 'idle', deviceUtil = 0): ChildReport {
  const r = spawnSync(process.execPath, [bundle], {
    env: {
      ...process.env,
      LD_LIBRARY_PATH: dir,
      FAKE_NVML_MODE: mode,
      FAKE_NVML_DEVICE_UTIL: String(deviceUtil),
      DARWINMETRICS_ADDON: join(repo, 'build/Release/darwinmetrics.node'),
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`child exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildReport;
}

describe.runIf(process.platform === 'linux')('NVML per-process clients', () => {
  it('lists each process NVML reports, with its utilisation and memory, and derives the process’s GPU share', () => {
    const report = runChild('ok');
    const self = report.clients.find((c) => c.pid === report.pid);
    expect(self).toMatchObject({ device: 'nvml0', clientId: String(report.pid) });
    // The two samples newer than the last seen one (40 % and 60 %) average to 50 %.
    expect(Object.fromEntries(self!.engines.map((e) => [e.name, e.percent]))).toEqual({ sm: 50, enc: 10, dec: 0 });
    // 2 × 256 MiB on two MIG instances in the compute list, 512 MiB in the graphics list: once.
    expect(self!.memoryBytes).toBe(512 * 2 ** 20);
    // pid 1 had a sample only before the first read; the second read saw newer samples and none
    // of pid 1, so it was at 0 % (passing the wrong timestamp back would show its old 12 %).
    const init = report.clients.find((c) => c.pid === 1);
    expect(init?.engines.map((e) => e.percent)).toEqual([0, 0, 0]);
    expect(init?.memoryBytes).toBeNull(); // NaN in the sample, null once in JSON
    expect(report.unavailable).toEqual([]);
    expect(report.self).toEqual({ gpuPercent: 50, gpuMemoryBytes: 512 * 2 ** 20 });
  });

  it('says 0 % for an idle device without samples, and nothing for a busy one sampled too soon', () => {
    const idle = runChild('idle', 0);
    expect(idle.clients.find((c) => c.pid === idle.pid)?.engines.map((e) => e.percent)).toEqual([0, 0, 0]);
    const busy = runChild('idle', 30);
    const self = busy.clients.find((c) => c.pid === busy.pid);
    expect(self?.engines.map((e) => e.percent)).toEqual([null, null, null]); // NaN: unknown
    expect(self?.memoryBytes).toBe(512 * 2 ** 20);
    expect(busy.self?.gpuPercent).toBeUndefined();
  });

  it('reports a driver without per-process figures as unavailable, with NVML’s reason, never 0', () => {
    const report = runChild('unsupported');
    expect(report.clients).toEqual([]);
    expect(report.unavailable).toEqual([
      'nvml0: per-process utilisation not supported by this GPU or driver (NVML_ERROR_NOT_SUPPORTED)',
      'nvml0: per-process memory not supported by this GPU or driver (NVML_ERROR_NOT_SUPPORTED)',
    ]);
    expect(report.summary).toMatchObject({ ok: true, value: { unavailable: report.unavailable } });
    expect(report.self?.gpuPercent).toBeUndefined();
  });
});
