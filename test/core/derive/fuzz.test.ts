/**
 * derive() on arbitrary counters: whatever two snapshots hold (resets, wraps, NaN, negative or
 * enormous numbers, vanished and reused pids, clocks that stand still or go back), every derived
 * rate and share is absent or a finite number within its bounds, and derive never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive/derive';
import { ok } from '../../../src/shared/metric-result';
import type { RawCpuTicks, RawSnapshot } from '../../../src/shared/raw';
import { rawCpu, rawMemory, rawProcesses, ticks, type ProcRow } from '../raw-builders';

const num = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1e15, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, -1, Infinity, 0, 2 ** 53) },
);
const ticksArb = fc.record({
  user: num,
  nice: num,
  system: num,
  idle: num,
  iowait: num,
  irq: num,
  softirq: num,
  steal: num,
});
const ifaceArb = fc.record({ name: fc.constantFrom('eth0', 'wlan0', 'lo'), rx: num, tx: num });
const procArb = fc.record({
  pid: fc.integer({ min: 1, max: 20 }),
  startTimeMs: fc.constantFrom(0, 1000, NaN),
  cpuTimeNs: num,
  rssBytes: num,
  diskReadBytes: num,
});
const snapArb = fc.record({
  mono: fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constant(0)),
  cpu: fc.array(ticksArb, { minLength: 1, maxLength: 3 }),
  ifaces: fc.array(ifaceArb, { maxLength: 3 }),
  procs: fc.array(procArb, { maxLength: 8 }),
  energy: num,
  ioTime: num,
});

interface SnapInput {
  readonly mono: number;
  readonly cpu: RawCpuTicks[];
  readonly ifaces: { name: string; rx: number; tx: number }[];
  readonly procs: ProcRow[];
  readonly energy: number;
  readonly ioTime: number;
}

function build(s: SnapInput): RawSnapshot {
  return {
    t: 0,
    mono: s.mono,
    cpu: ok(rawCpu(s.cpu[0] ?? ticks(), s.cpu)),
    memory: ok(rawMemory()),
    network: ok({
      interfaces: s.ifaces.map((i) => ({
        name: i.name,
        kind: 'ethernet' as const,
        up: true,
        addresses: [],
        rxBytes: i.rx,
        txBytes: i.tx,
        rxPackets: i.rx,
        txPackets: i.tx,
        rxErrors: 0,
        txErrors: 0,
        rxDrops: 0,
        txDrops: 0,
      })),
    }),
    rails: ok({ rails: [{ name: 'package-0', energyJ: s.energy, wrapJ: 262143.32885 }] }),
    disks: ok({
      mounts: [],
      devices: [
        { name: 'sda', readBytes: s.ioTime, writeBytes: 0, readOps: 0, writeOps: 0, ioTimeMs: s.ioTime },
      ],
    }),
    processes: ok(rawProcesses(s.procs)),
  };
}

const finiteOrAbsent = (v: number | undefined, max = Infinity) => {
  if (v === undefined) return;
  expect(Number.isFinite(v)).toBe(true);
  expect(v).toBeGreaterThanOrEqual(0);
  expect(v).toBeLessThanOrEqual(max);
};

describe('derive on arbitrary counters', () => {
  it('never throws and never yields a negative, NaN, infinite or out-of-range figure', () => {
    fc.assert(
      fc.property(snapArb, snapArb, (a, b) => {
        const s = derive(build(a), build(b));
        if (s.intervalMs !== undefined) finiteOrAbsent(s.intervalMs);
        if (s.cpu?.ok) {
          for (const u of [s.cpu.value.usage, ...s.cpu.value.cores.map((c) => c.usage)]) {
            if (!u) continue;
            for (const v of Object.values(u)) finiteOrAbsent(v, 100 + 1e-9);
          }
        }
        if (s.network?.ok) {
          for (const i of s.network.value.interfaces) {
            finiteOrAbsent(i.rxBytesPerSec);
            finiteOrAbsent(i.txBytesPerSec);
            finiteOrAbsent(i.rxPacketsPerSec);
          }
        }
        if (s.rails?.ok) for (const r of s.rails.value.rails) finiteOrAbsent(r.watts);
        if (s.disks?.ok) for (const d of s.disks.value.devices) finiteOrAbsent(d.busyPercent, 100);
        expect(s.processes?.ok).toBe(true);
        if (s.processes?.ok) {
          for (const p of s.processes.value.processes) {
            finiteOrAbsent(p.cpuPercent, b.cpu.length * 100);
            finiteOrAbsent(p.diskReadBytesPerSec);
            finiteOrAbsent(p.memPercent, 100);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
