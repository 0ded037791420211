/**
 * End to end on M1 firmware (no acc-clusters): the real M1 pmgr tables (test/shared/darwin/m1-pmgr.ts,
 * from https://github.com/ThomasKaiser/Knowledge/blob/master/media/ioreg-MacBookAir10.txt) and two
 * readings of the E and P cluster residency channels go through normalizeDarwin and derive, and the
 * sample carries per-cluster MHz and active %. The residency counts are made up for the test (no M1
 * IOReport capture is public); the state names follow the V<i>P<n-1-i> pattern of the captures.
 */
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive';
import { normalizeDarwin } from '../../../src/core/darwin/normalize';
import type { NativeDarwinSnapshot } from '../../../src/core/darwin/native-types';
import type { IoReportStateChannel } from '../../../src/shared/darwin/ioreport-residency';
import { m1Pmgr } from '../../shared/darwin/m1-pmgr';

const ticks = { user: 1, nice: 0, system: 1, idle: 1, iowait: 0, irq: 0, softirq: 0, steal: 0 };

function channel(name: string, idle: number, active: readonly number[]): IoReportStateChannel {
  const n = active.length;
  return {
    group: 'CPU Stats',
    subgroup: 'CPU Complex Performance States',
    channel: name,
    states: [
      { name: 'IDLE', ticks: idle },
      ...active.map((t, i) => ({ name: `V${i}P${n - 1 - i}`, ticks: t })),
    ],
  };
}

function native(mono: number, e: IoReportStateChannel, p: IoReportStateChannel): NativeDarwinSnapshot {
  return {
    t: mono / 1e6,
    mono,
    cpu: {
      ok: true,
      value: {
        model: 'Apple M1',
        arch: 'arm64',
        physicalCores: 8,
        logicalCores: 8,
        perfLevels: [],
        loadAvg: [0, 0, 0],
        ticksPerSecond: 100,
        total: ticks,
        cores: [ticks],
      },
    },
    darwin: { appleSilicon: true, pmgr: m1Pmgr(), cpuResidency: [e, p] },
  } as unknown as NativeDarwinSnapshot;
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

describe('M1 clusters end to end', () => {
  it('derives per-cluster MHz and active % from the M1 tables', () => {
    const prev = normalizeDarwin(native(1e9, channel('ECPU', 0, zeros(5)), channel('PCPU', 0, zeros(15))));
    // E: 25 % of the interval at 972 MHz, 25 % at 2064 MHz, the rest idle.
    const eActive = [0, 6e6, 0, 0, 6e6];
    // P: 10 % at 3204 MHz (the top state), 90 % idle.
    const pActive = [...zeros(14), 2.4e6];
    const cur = normalizeDarwin(
      native(2e9, channel('ECPU', 12e6, eActive), channel('PCPU', 21.6e6, pActive)),
    );
    const cpu = derive(prev, cur).cpu;
    const clusters = cpu?.ok ? cpu.value.clusters : undefined;
    expect(clusters?.map((c) => c.name)).toEqual(['ECPU', 'PCPU']);
    expect(clusters?.[0]?.activePercent).toBeCloseTo(50, 9);
    expect(clusters?.[0]?.mhz).toBeCloseTo((972 + 2064) / 2, 9);
    expect(clusters?.[1]?.activePercent).toBeCloseTo(10, 9);
    expect(clusters?.[1]?.mhz).toBe(3204);
  });
});
