// The poller with the real core/derive: rates over each section's own interval, carried sections,
// and a sleep that yields no rate instead of a spike.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller } from '../../../src/core/poller/poller';
import type { SnapshotSource } from '../../../src/core/native/snapshot-source';
import type { RawSnapshot } from '../../../src/shared/raw';
import type { Sample } from '../../../src/shared/sample';
import type { SectionName } from '../../../src/shared/sections';
import { ok, rawCpu, rawMemory, rawProcesses, ticks } from '../raw-builders';

const START = Date.UTC(2026, 0, 1);

/**
 * A machine whose one CPU is 25 % busy and whose one process uses half a core, read on the
 * fake clock: ticks at 100 Hz and CPU time in ns both follow Date.now().
 */
class SteadyMachine implements SnapshotSource {
  /** Monotonic time the machine did not count (Linux suspend). */
  private suspendedMs = 0;

  suspend(ms: number): void {
    this.suspendedMs += ms;
    vi.setSystemTime(Date.now() + ms);
  }

  async sample(sections: readonly SectionName[] = []): Promise<RawSnapshot> {
    const t = Date.now();
    const up = t - START - this.suspendedMs;
    const s = up / 1000;
    const total = ticks({ user: 25 * s, idle: 75 * s });
    const snapshot: Record<string, unknown> = { t, mono: up * 1e6 };
    if (sections.includes('cpu')) snapshot['cpu'] = ok(rawCpu(total));
    if (sections.includes('memory')) snapshot['memory'] = ok(rawMemory());
    if (sections.includes('processes')) {
      snapshot['processes'] = ok(
        rawProcesses([{ pid: 42, startTimeMs: START - 1000, cpuTimeNs: up * 0.5e6 }]),
      );
    }
    return snapshot as unknown as RawSnapshot;
  }

  close(): void {}
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

const busy = (s: Sample | undefined) => (s?.cpu?.ok ? s.cpu.value.usage?.busy : undefined);
const procCpu = (s: Sample | undefined) =>
  s?.processes?.ok ? s.processes.value.processes[0]?.cpuPercent : undefined;

describe('poller with core/derive', () => {
  it('derives CPU every tick and processes over their own 2 s interval, carried in between', async () => {
    const machine = new SteadyMachine();
    const poller = createPoller({ source: machine, intervalMs: 1000 });
    const got: Sample[] = [];
    poller.subscribe(['cpu', 'memory', 'processes'], (s) => void got.push(s));
    await vi.advanceTimersByTimeAsync(6000);
    expect(busy(got[0])).toBeUndefined();
    for (const s of got.slice(1)) expect(busy(s)).toBeCloseTo(25, 6);
    for (const s of got.slice(2)) expect(procCpu(s)).toBeCloseTo(50, 6);
    // The tick at 1 s carried the first process reading, which had no rate yet.
    expect(procCpu(got[1])).toBeUndefined();
    await poller.close();
  });

  it('gives no rate for the interval across a suspend, then steady rates again', async () => {
    const machine = new SteadyMachine();
    const poller = createPoller({ source: machine, intervalMs: 1000 });
    const got: Sample[] = [];
    poller.subscribe(['cpu'], (s) => void got.push(s));
    await vi.advanceTimersByTimeAsync(3000);
    machine.suspend(3_600_000);
    const before = got.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(got.length).toBe(before + 1);
    expect(busy(got.at(-1))).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(busy(got.at(-1))).toBeCloseTo(25, 6);
    await poller.close();
  });
});
