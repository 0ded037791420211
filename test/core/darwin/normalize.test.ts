/**
 * Contract test: a macOS native snapshot built from recorded raw readings (the real captures in
 * ../shared/fixtures/darwin) normalises into a RawSnapshot of the same shape as Linux, held to the
 * shape checker both backends share (test/helpers/raw-shape.ts).
 */
import { describe, expect, it } from 'vitest';
import { normalizeDarwin } from '../../../src/core/darwin/normalize';
import { appleClusters, energyRails, railName } from '../../../src/core/darwin/normalize-parts';
import type { NativeDarwinSnapshot } from '../../../src/core/darwin/native-types';
import { parseIoregText } from '../../helpers/ioreg-text';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, fixtureText, smcRows } from '../../shared/darwin/fixtures';

import { m4ProPmgr, macmonStates } from '../../helpers/macmon-capture';
import { rawShapeProblems } from '../../helpers/raw-shape';

const ticks = { user: 10, nice: 0, system: 5, idle: 100, iowait: 0, irq: 0, softirq: 0, steal: 0 };

function nativeFromFixtures(): NativeDarwinSnapshot {
  const rows = smcRows('ismc-full-m2max-Mac14,6.tsv');
  const temps = rows.filter((r) => r.key.startsWith('T'));
  const fans = rows.filter((r) => r.key.startsWith('F'));
  const power = rows.filter((r) => ['PSTR', 'PPBR', 'PDTR'].includes(r.key));
  const m4 = fixtureText('ioreport/macmon66-m4pro-Mac16,8-macos27beta-debug.txt');
  const pmgr = m4ProPmgr(m4, fixtureText('ioreport/macmon68-m2ultra-debug.txt'));
  const ultra = fixtureText('ioreport/macmon17-m2ultra-Mac14,14-macos15.2-debug.txt');
  const battery = parseIoregText(fixtureText('battery/stats222-m1-macbookpro13-2020-lucasaf04.txt'));
  const strip = (r: (typeof rows)[number]) => ({ key: r.key, type: r.type, bytes: r.bytes });
  return {
    t: 1_700_000_000_000,
    mono: 5e12,
    cpu: {
      ok: true,
      value: {
        model: 'Apple M4 Pro',
        arch: 'arm64',
        physicalCores: 14,
        logicalCores: 14,
        perfLevels: [
          { name: 'Performance', logicalCores: 10 },
          { name: 'Efficiency', logicalCores: 4 },
        ],
        loadAvg: [1, 1, 1],
        ticksPerSecond: 100,
        total: ticks,
        cores: [ticks],
      },
    },
    memory: {
      ok: true,
      value: {
        totalBytes: 24 * 2 ** 30,
        freeBytes: 0,
        availableBytes: 0,
        usedBytes: 0,
        cachedBytes: 0,
        swapTotalBytes: 2 ** 30,
        swapUsedBytes: 0,
      },
    },
    power: { ok: true, value: { source: 'unknown', adapters: [], batteries: [] } },
    thermal: { ok: true, value: { sensors: [], smc: temps.map(strip) } },
    fans: { ok: true, value: { fans: [], smc: fans.map(strip) } },
    rails: { ok: true, value: { rails: [], smc: power.map(strip) } },
    gpu: {
      ok: true,
      value: { gpus: [{ id: 'gpu0', vendor: 'apple', model: 'Apple M2 Ultra', coreCount: 76 }] },
    },
    network: { ok: false, error: { reason: 'unavailable', message: 'not recorded' } },
    darwin: {
      appleSilicon: true,
      cpuBrand: 'Apple M2 Max',
      vm: {
        pageSize: 16384,
        free: 1000,
        active: 5000,
        inactive: 4000,
        speculative: 100,
        throttled: 0,
        wired: 2000,
        purgeable: 300,
        external: 3000,
        internal: 6000,
        compressor: 700,
      },
      memoryPressureLevel: 2,
      pmgr,
      cpuResidency: ['PCPU', 'PCPM', 'PCPM_IDLE'].map((channel) => ({
        group: 'CPU Stats',
        subgroup: 'CPU Complex Performance States',
        channel,
        states: macmonStates(m4, channel),
      })),
      gpuResidency: [
        {
          group: 'GPU Stats',
          subgroup: 'GPU Performance States',
          channel: 'GPUPH',
          states: macmonStates(ultra, 'GPUPH'),
        },
      ],
      energy: [
        { group: 'Energy Model', subgroup: '', channel: 'GPU Energy', unit: 'nJ', value: 5e9 },
        { group: 'Energy Model', subgroup: '', channel: 'DRAM0_0', unit: 'mJ', value: 1500 },
        { group: 'Energy Model', subgroup: '', channel: 'DRAM0_1', unit: 'mJ', value: 500 },
        { group: 'Energy Model', subgroup: '', channel: 'DCS0_0', unit: 'mJ', value: 99 },
      ],
      batteries: [
        {
          ips: {
            Name: 'InternalBattery-0',
            'Current Capacity': 100,
            'Max Capacity': 100,
            'Is Charging': false,
            'Is Charged': true,
            'Time to Empty': -1,
          },
          registry: battery,
        },
      ],
      providingSource: 'AC Power',
      adapter: { Watts: 61, Name: '61W USB-C Power Adapter' },
      thermalPressureState: 0,
    },
  } as unknown as NativeDarwinSnapshot;
}

describe('darwin normalize parts', () => {
  it('names rails and keeps absent channels absent', () => {
    expect(railName('ECPU Energy')).toBe('cpu');
    expect(railName('GPU SRAM0_0')).toBe('gpu-sram');
    expect(railName('DCS0_0')).toBeUndefined();
    expect(energyRails([])).toEqual([]);
    expect(
      energyRails([{ group: 'Energy Model', subgroup: '', channel: 'ANE0_0', unit: 'uJ', value: 2e6 }]),
    ).toEqual([{ name: 'ane', energyJ: 2 }]);
  });

  it('leaves a cluster without a matching table out', () => {
    const states = [
      { name: 'IDLE', ticks: 1 },
      { name: 'V0P1', ticks: 1 },
      { name: 'V1P0', ticks: 1 },
    ];
    expect(
      appleClusters({}, [
        { group: 'CPU Stats', subgroup: 'CPU Complex Performance States', channel: 'ECPM', states },
      ]),
    ).toEqual([]);
  });

  it('rejects a non-object and turns malformed section values into section errors', () => {
    expect(() => normalizeDarwin(null as unknown as NativeDarwinSnapshot)).toThrow(/native/);
    const bad = normalizeDarwin({
      t: 1,
      mono: 1,
      fans: { ok: true, value: null },
    } as unknown as NativeDarwinSnapshot);
    expect(bad.fans?.ok).toBe(false);
  });
});

describe.skipIf(!HAVE_DARWIN_FIXTURES)(
  `normalizeDarwin contract on recorded raw readings${SKIP_NOTE}`,
  () => {
    it('produces a RawSnapshot of the Linux shape with decoded sensors, fans, rails, clusters, battery and memory', () => {
      const snap = normalizeDarwin(nativeFromFixtures());
      expect(rawShapeProblems(snap)).toEqual([]);
      const thermal = snap.thermal?.ok ? snap.thermal.value : undefined;
      expect(thermal?.sensors.length).toBeGreaterThan(20);
      expect(thermal?.sensors.find((s) => s.sensor === 'TB0T')?.celsius).toBeCloseTo(25.9, 1);
      const fans = snap.fans?.ok ? snap.fans.value.fans : [];
      expect(fans.map((f) => f.maxRpm)).toEqual([5349, expect.any(Number)]);
      const rails = snap.rails?.ok ? snap.rails.value : undefined;
      expect(rails?.systemW).toBeCloseTo(8.552598, 5);
      expect(rails?.rails).toEqual([
        { name: 'gpu', energyJ: 5 },
        { name: 'dram', energyJ: 2 },
      ]);
      const cpu = snap.cpu?.ok ? snap.cpu.value : undefined;
      expect(cpu?.clusters?.map((c) => [c.name, c.stateMhz.length])).toEqual([['PCPM', 19]]);
      const gpu = snap.gpu?.ok ? snap.gpu.value.gpus[0] : undefined;
      expect(gpu?.residency?.stateMhz).toEqual([444, 612, 808, 968, 1110, 1236, 1338, 1398]);
      const power = snap.power?.ok ? snap.power.value : undefined;
      expect(power?.source).toBe('ac');
      expect(power?.thermalPressure).toBe('nominal');
      expect(power?.adapters[0]).toMatchObject({ watts: 61, online: true });
      expect(power?.batteries[0]).toMatchObject({
        id: 'InternalBattery-0',
        state: 'full',
        percent: 100,
        chargeFullAh: 5.17,
      });
      const mem = snap.memory?.ok ? snap.memory.value : undefined;
      expect(mem?.usedBytes).toBe((6000 - 300 + 2000 + 700) * 16384);
      expect(mem?.pressureLevel).toBe('warning');
      expect(snap.network?.ok).toBe(false);
    });
  },
);

describe.skipIf(!HAVE_DARWIN_FIXTURES)(
  `cluster tables without acc-clusters on real captures${SKIP_NOTE}`,
  () => {
    it('M4 Pro: the P channel (19 V-states) finds its 19-entry table by state count alone', () => {
      const native = nativeFromFixtures();
      const { 'acc-clusters': _acc, ...pmgr } = native.darwin?.pmgr ?? {};
      const snap = normalizeDarwin({ ...native, darwin: { ...native.darwin, appleSilicon: true, pmgr } });
      const cpu = snap.cpu?.ok ? snap.cpu.value : undefined;
      expect(cpu?.clusters?.map((c) => [c.name, c.stateMhz.length, Math.round(c.stateMhz[0] ?? 0)])).toEqual([
        ['PCPM', 19, 1260],
      ]);
    });
  },
);
