// The macOS backend on a real Mac (the macOS CI runners): two samples, counters move forward, our
// own process is listed, memory total equals hw.memsize, battery values or `unavailable`.
// Skipped on other platforms. Uses the native sampler + normalizeDarwin directly, so it does not
// depend on how createSampler is wired.
import { totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../../src/core/native/addon';
import { normalizeDarwin } from '../../src/core/darwin/normalize';
import type { NativeDarwinSnapshot } from '../../src/core/darwin/native-types';
import type { RawSections, RawSnapshot } from '../../src/shared/raw';
import { SECTIONS } from '../../src/shared/sections';
import { rawShapeProblems } from '../helpers/raw-shape';

function must<K extends keyof RawSections>(snap: RawSnapshot, key: K): RawSections[K] {
  const r = snap[key];
  if (!r?.ok) throw new Error(`${key}: ${JSON.stringify(r)}`);
  return r.value as RawSections[K];
}

describe.skipIf(process.platform !== 'darwin')('macOS backend, live', () => {
  it('takes two full samples whose shape conforms and whose CPU ticks increase', async () => {
    const sampler = new (loadAddon().Sampler)();
    const a = normalizeDarwin((await sampler.sample([...SECTIONS])) as NativeDarwinSnapshot);
    await sleep(1000);
    const b = normalizeDarwin((await sampler.sample([...SECTIONS])) as NativeDarwinSnapshot);
    await sampler.close();
    expect(rawShapeProblems(a)).toEqual([]);
    expect(rawShapeProblems(b)).toEqual([]);
    const [ca, cb] = [must(a, 'cpu'), must(b, 'cpu')];
    const busy = (t: (typeof ca)['total']) => t.user + t.system + t.nice + t.idle;
    expect(busy(cb.total)).toBeGreaterThan(busy(ca.total));
    expect(cb.cores.length).toBe(ca.cores.length);
    expect(must(b, 'host').platform).toBe('darwin');
    expect(Number(must(b, 'host').kernel.split('.')[0])).toBeGreaterThanOrEqual(21);
  });

  it('lists our own process and reports hw.memsize as the memory total', async () => {
    const sampler = new (loadAddon().Sampler)();
    const usageNs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) * 1e3;
    };
    const before = usageNs();
    const snap = normalizeDarwin((await sampler.sample(['processes', 'memory'])) as NativeDarwinSnapshot);
    const after = usageNs();
    await sampler.close();
    const p = must(snap, 'processes');
    const i = p.pid.indexOf(process.pid);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(p.ppid[i]).toBe(process.ppid);
    // Our CPU time as the kernel counts it matches Node's own figure: a wrong tick length (41.67x
    // under Rosetta, issue 18) would put it far outside (getrusage and proc_pid_rusage round apart).
    expect(p.cpuTimeNs[i]).toBeGreaterThan(before * 0.8);
    expect(p.cpuTimeNs[i]).toBeLessThan(after * 1.25 + 50e6);
    // Task info of our own process is readable, so the state is known (R or S, never '?').
    expect(['R', 'S']).toContain(String.fromCharCode(p.state[i] ?? 0));
    expect(p.path[i]).toBe(process.execPath);
    // Node's os.totalmem() reads hw.memsize on macOS.
    const mem = must(snap, 'memory');
    expect(mem.totalBytes).toBe(totalmem());
    expect(mem.usedBytes).toBeGreaterThan(0);
    expect(mem.usedBytes).toBeLessThanOrEqual(mem.totalBytes);
  });

  it('reports battery values on a laptop, and no battery or `unavailable` on a desktop runner', async () => {
    const sampler = new (loadAddon().Sampler)();
    const snap = normalizeDarwin((await sampler.sample(['power', 'thermal', 'fans', 'rails', 'gpu'])) as NativeDarwinSnapshot);
    await sampler.close();
    const power = snap.power;
    expect(power).toBeDefined();
    if (power?.ok) {
      for (const b of power.value.batteries) {
        if (b.percent !== undefined) expect(b.percent).toBeGreaterThanOrEqual(0);
        if (b.percent !== undefined) expect(b.percent).toBeLessThanOrEqual(100);
      }
    } else {
      expect(power?.error.reason).toMatch(/unavailable|unsupported/);
    }
    for (const name of ['thermal', 'fans', 'rails', 'gpu'] as const) {
      const r = snap[name];
      expect(r, name).toBeDefined();
      if (r && !r.ok) expect(r.error.message, name).not.toBe('');
    }
  });
});
