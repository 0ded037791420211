// The Linux backend on this machine: counters move forward, our own process is listed with the
// right parent, and the process count matches proc/.
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import type { RawSections, RawSnapshot } from '../../src/shared/raw';

function must<K extends keyof RawSections>(snap: RawSnapshot, key: K): RawSections[K] {
  const r = snap[key];
  if (!r?.ok) throw new Error(`${key}: ${JSON.stringify(r)}`);
  return r.value as RawSections[K];
}

const pidsNow = () => new Set(readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number));

describe.skipIf(process.platform !== 'linux')('Linux backend, live', () => {
  it('takes two samples a second apart whose counters never decrease', async () => {
    const sampler = createSampler();
    const a = await sampler.sample(['cpu', 'network', 'disks', 'host']);
    await sleep(1000);
    const b = await sampler.sample(['cpu', 'network', 'disks', 'host']);
    await sampler.close();
    expect(b.mono - a.mono).toBeGreaterThanOrEqual(0.9e9);
    expect(b.t).toBeGreaterThan(a.t);
    const [ca, cb] = [must(a, 'cpu'), must(b, 'cpu')];
    expect(cb.cores.length).toBe(ca.cores.length);
    const fields = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
    for (const f of fields) expect(cb.total[f]).toBeGreaterThanOrEqual(ca.total[f]);
    cb.cores.forEach((core, i) => fields.forEach((f) => expect(core[f]).toBeGreaterThanOrEqual(ca.cores[i]![f])));
    const sum = (t: (typeof cb)['total']) => fields.reduce((s, f) => s + t[f], 0);
    expect(sum(cb.total)).toBeGreaterThan(sum(ca.total));
    for (const ib of must(b, 'network').interfaces) {
      const ia = must(a, 'network').interfaces.find((x) => x.name === ib.name);
      if (ia) expect(ib.rxBytes).toBeGreaterThanOrEqual(ia.rxBytes);
    }
    // statvfs and getifaddrs run on the live root only: the root mount has a capacity, loopback an address.
    const root = must(b, 'disks').mounts.find((m) => m.mount === '/');
    expect(root?.totalBytes).toBeGreaterThan(0);
    expect(root!.usedBytes + root!.availableBytes).toBeLessThanOrEqual(root!.totalBytes);
    const lo = must(b, 'network').interfaces.find((i) => i.kind === 'loopback');
    expect(lo?.addresses.some((x) => x.address === '127.0.0.1' || x.address === '::1')).toBe(true);
    expect(must(b, 'host').bootTimeMs).toBe(must(a, 'host').bootTimeMs);
    expect(must(b, 'host').hostname).not.toBe('');
  });

  it('lists our own process with the right parent, and as many processes as proc/ holds', async () => {
    const sampler = createSampler();
    const before = pidsNow();
    const snap = await sampler.sample(['processes']);
    const after = pidsNow();
    await sampler.close();
    const p = must(snap, 'processes');
    const i = p.pid.indexOf(process.pid);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(p.ppid[i]).toBe(process.ppid);
    expect(p.uid[i]).toBe(process.getuid!());
    expect(p.threads[i]).toBeGreaterThan(1); // Node always runs worker threads
    expect(p.rssBytes[i]).toBeGreaterThan(0);
    expect(p.cpuTimeNs[i]).toBeGreaterThan(0);
    expect(p.path[i]).toBe(process.execPath);
    // Processes may start or exit around the sample: the count lies between those that existed
    // both before and after, and all that existed at either time.
    const both = [...before].filter((x) => after.has(x)).length;
    const either = new Set([...before, ...after]).size;
    expect(p.count).toBeGreaterThanOrEqual(both);
    expect(p.count).toBeLessThanOrEqual(either);
    expect(new Set(p.pid).size).toBe(p.count);
  });
});
