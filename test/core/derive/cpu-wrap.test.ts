/**
 * macOS per-core tick counters are 32-bit (xnu osfmk/mach/processor_info.h: `unsigned int
 * cpu_ticks[]`); the native total is their 64-bit sum, which drops by 2^32 whenever one core rolls
 * over. derive() must undo one roll-over per core and build the total usage from per-core deltas.
 */
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive';
import { normalizeDarwin } from '../../../src/core/darwin/normalize';
import type { NativeDarwinSnapshot } from '../../../src/core/darwin/native-types';
import type { RawCpuTicks } from '../../../src/shared/raw';

const WRAP = 2 ** 32;

function core(user: number, system: number, idle: number): RawCpuTicks {
  return { user, nice: 0, system, idle, iowait: 0, irq: 0, softirq: 0, steal: 0 };
}

/** A darwin native snapshot whose total is the plain sum of the cores, as cpu.cc builds it. */
function snapshot(mono: number, cores: RawCpuTicks[]): NativeDarwinSnapshot {
  const total = cores.reduce(
    (t, c) => core(t.user + c.user, t.system + c.system, t.idle + c.idle),
    core(0, 0, 0),
  );
  return {
    t: mono / 1e6,
    mono,
    cpu: {
      ok: true,
      value: {
        model: 'Apple M2',
        arch: 'arm64',
        physicalCores: 2,
        logicalCores: 2,
        perfLevels: [],
        loadAvg: [0, 0, 0],
        ticksPerSecond: 100,
        total,
        cores,
      },
    },
    darwin: { appleSilicon: true },
  } as unknown as NativeDarwinSnapshot;
}

describe('32-bit per-core tick counters', () => {
  it('undo a roll-over per core and build the total from per-core deltas', () => {
    const prev = normalizeDarwin(snapshot(1e9, [core(WRAP - 30, 100, 500), core(1000, 100, 500)]));
    // Core 0 rolled over: 30 ticks up to 2^32, then 45 more (75 user), 25 idle. Core 1: 100 idle.
    const cur = normalizeDarwin(snapshot(2e9, [core(45, 100, 525), core(1000, 100, 600)]));
    const cpu = derive(prev, cur).cpu;
    const value = cpu?.ok ? cpu.value : undefined;
    expect(value?.cores[0]?.usage?.user).toBeCloseTo(75, 9);
    expect(value?.cores[1]?.usage?.idle).toBeCloseTo(100, 9);
    expect(value?.usage?.user).toBeCloseTo(37.5, 9);
    expect(value?.usage?.busy).toBeCloseTo(37.5, 9);
  });

  it('still treats a drop as a reset where the counters do not wrap (Linux)', () => {
    const prev = normalizeDarwin(snapshot(1e9, [core(5000, 0, 0)]));
    const cur = normalizeDarwin(snapshot(2e9, [core(10, 0, 0)]));
    const { tickWrap: _wrap, ...linuxCpu } = cur.cpu?.ok ? cur.cpu.value : ({} as never);
    const { tickWrap: _w, ...linuxPrev } = prev.cpu?.ok ? prev.cpu.value : ({} as never);
    const out = derive(
      { t: 1, mono: 1e9, cpu: { ok: true, value: linuxPrev } },
      { t: 2, mono: 2e9, cpu: { ok: true, value: linuxCpu } },
    ).cpu;
    expect(out?.ok ? out.value.usage : 'failed').toBeUndefined();
  });
});
