// Per-process GPU share, energy and power in derive: GPU busy time (ns or xe cycles, engine capacity,
// one client counted once), energy counters turned into watts, and Linux's RAPL estimate with its
// reasons when it cannot be made.
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive';
import { attachPower, gpuByPid, packageWatts } from '../../../src/core/derive/process-extras';
import type { RawGpuClient, RawProcessGpu, RawSnapshot } from '../../../src/shared/raw';
import type { ProcessSample } from '../../../src/shared/sample';
import { rawProcesses } from '../raw-builders';

const engine = (name: string, busyNs: number, capacity = 1) => ({
  name,
  busyNs,
  cycles: NaN,
  totalCycles: NaN,
  capacity,
  percent: NaN,
});
/** An NVML engine: the driver's percentage over its own sampling period, no counters. */
const nvmlEngine = (name: string, percent: number) => ({ ...engine(name, NaN), percent });
const client = (
  pid: number,
  clientId: string,
  engines: RawGpuClient['engines'],
  memoryBytes = NaN,
): RawGpuClient => ({
  pid,
  driver: 'amdgpu',
  device: '0000:03:00.0',
  clientId,
  engines,
  memoryBytes,
  residentBytes: NaN,
});
const gpu = (...clients: RawGpuClient[]): RawProcessGpu => ({ clients, denied: 0, unavailable: [] });

describe('gpuByPid', () => {
  it('is the busiest engine over the interval, summed over a process’s clients', () => {
    const prev = gpu(
      client(10, '1', [engine('gfx', 0), engine('dma', 0)]),
      client(10, '2', [engine('gfx', 0)]),
    );
    const cur = gpu(
      client(10, '1', [engine('gfx', 250e6), engine('dma', 100e6)], 1000),
      client(10, '2', [engine('gfx', 250e6)], 24),
    );
    expect(gpuByPid(prev, cur, 1).get(10)).toEqual({ percent: 50, memoryBytes: 1024 });
  });
  it('divides by the engine capacity and reads xe’s cycles', () => {
    const xe = (cycles: number, total: number): RawGpuClient => ({
      ...client(20, '3', [
        { name: 'ccs', busyNs: NaN, cycles, totalCycles: total, capacity: 4, percent: NaN },
      ]),
      driver: 'xe',
    });
    expect(gpuByPid(gpu(xe(0, 0)), gpu(xe(2_000, 4_000)), 2).get(20)?.percent).toBe(12.5);
    const video = (ns: number) => client(21, '4', [engine('video', ns, 2)]);
    expect(gpuByPid(gpu(video(0)), gpu(video(1e9)), 1).get(21)?.percent).toBe(50);
  });
  it('gives memory but no share on the first reading, and none for a counter that went back', () => {
    expect(gpuByPid(undefined, gpu(client(10, '1', [engine('gfx', 5)], 8)), 1).get(10)).toEqual({
      memoryBytes: 8,
    });
    const back = gpuByPid(
      gpu(client(10, '1', [engine('gfx', 9e9)])),
      gpu(client(10, '1', [engine('gfx', 1)])),
      1,
    );
    expect(back.get(10)?.percent).toBeUndefined();
  });
  it('does not carry a client’s history over to a new process holding the same id', () => {
    const r = gpuByPid(
      gpu(client(10, '1', [engine('gfx', 0)])),
      gpu(client(11, '1', [engine('gfx', 5e8)])),
      1,
    );
    expect(r.get(11)?.percent).toBeUndefined();
  });
  it('takes NVML’s percentages as they are, from the first reading, busiest engine first', () => {
    const nvidia = (pid: number, sm: number, enc: number, memoryBytes = NaN): RawGpuClient => ({
      ...client(
        pid,
        String(pid),
        [nvmlEngine('sm', sm), nvmlEngine('enc', enc), nvmlEngine('dec', 0)],
        memoryBytes,
      ),
      driver: 'nvidia',
      device: 'nvml0',
    });
    const r = gpuByPid(undefined, gpu(nvidia(30, 42, 7, 512), nvidia(31, 3, 60)), undefined);
    expect(r.get(30)).toEqual({ percent: 42, memoryBytes: 512 });
    expect(r.get(31)?.percent).toBe(60);
  });
  it('keeps the engines of two GPUs apart: a process busy on both shows the busier, not the sum', () => {
    const on = (device: string, percent: number): RawGpuClient => ({
      ...client(40, device, [nvmlEngine('sm', percent)]),
      driver: 'nvidia',
      device,
    });
    expect(gpuByPid(undefined, gpu(on('nvml0', 90), on('nvml1', 80)), 1).get(40)?.percent).toBe(90);
  });
  it('has no share for an NVML engine whose driver gave no percentage', () => {
    const c: RawGpuClient = {
      ...client(50, '50', [nvmlEngine('sm', NaN)], 64),
      driver: 'nvidia',
      device: 'nvml0',
    };
    expect(gpuByPid(gpu(c), gpu(c), 1).get(50)).toEqual({ memoryBytes: 64 });
  });
  it('refuses a share above the whole engine beyond the overshoot tolerance', () => {
    const r = gpuByPid(
      gpu(client(10, '1', [engine('gfx', 0)])),
      gpu(client(10, '1', [engine('gfx', 5e9)])),
      1,
    );
    expect(r.get(10)?.percent).toBeUndefined();
  });
});

describe('attachPower', () => {
  const rows = (): ProcessSample[] =>
    [{ pid: 1, cpuPercent: 150 }, { pid: 2, cpuPercent: 50 }, { pid: 3 }] as unknown as ProcessSample[];
  it('shares the RAPL package power by busy CPU time on Linux, labelled an estimate', () => {
    const p = rows();
    const source = attachPower(p, { measured: false, packageW: 20, busyCorePercent: 200 });
    expect(source.kind).toBe('estimated');
    expect(p.map((r) => r.powerW)).toEqual([15, 5, undefined]);
  });
  it('says why there is no power without RAPL or without CPU use', () => {
    const none = attachPower(rows(), { measured: false, packageW: undefined, busyCorePercent: 200 });
    expect(none).toEqual({ kind: 'unavailable', reason: expect.stringContaining('RAPL') });
    expect(attachPower(rows(), { measured: false, packageW: 10, busyCorePercent: 0 }).kind).toBe(
      'unavailable',
    );
  });
  it('leaves measured watts alone', () => {
    const p = rows();
    expect(attachPower(p, { measured: true, packageW: 20, busyCorePercent: 200 }).kind).toBe('measured');
    expect(p[0]?.powerW).toBeUndefined();
  });
  it('sums only the package domains', () => {
    expect(
      packageWatts({
        rails: [
          { name: 'package-0', energyJ: 0, watts: 10 },
          { name: 'package-1', energyJ: 0, watts: 5 },
          { name: 'dram', energyJ: 0, watts: 3 },
        ],
      }),
    ).toBe(15);
    expect(packageWatts({ rails: [{ name: 'package-0', energyJ: 0 }] })).toBeUndefined();
  });
});

describe('derive with process extras', () => {
  const snap = (mono: number, energyNj: number, diskWriteBytes: number): RawSnapshot => ({
    t: mono / 1e6,
    mono,
    processes: { ok: true, value: rawProcesses([{ pid: 7, cpuTimeNs: mono, energyNj, diskWriteBytes }]) },
  });
  it('carries cumulative bytes and energy, and turns energy into measured watts', () => {
    const s = derive(snap(0, 1e9, 100), snap(2e9, 7e9, 4196));
    if (!s.processes?.ok) throw new Error('processes failed');
    const row = s.processes.value.processes[0];
    expect(row).toMatchObject({ diskWriteBytes: 4196, diskWriteBytesPerSec: 2048, energyJ: 7, powerW: 3 });
    expect(s.processes.value.power?.kind).toBe('measured');
  });
  it('summarises the processGpu section', () => {
    const s = derive(undefined, { t: 0, mono: 0, processGpu: { ok: true, value: gpu(client(1, '1', [])) } });
    expect(s.processGpu).toEqual({ ok: true, value: { clients: 1, denied: 0, unavailable: [] } });
  });
});
