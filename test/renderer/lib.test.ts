import { describe, expect, it } from 'vitest';
import { decimate } from '../../src/renderer/lib/decimate';
import { chartGroups, chartSeriesIds } from '../../src/renderer/lib/chart-groups';
import { unavailableReason } from '../../src/renderer/lib/availability';
import { defaultView, viewFromHash } from '../../src/renderer/lib/route';
import { clusterLabel } from '../../src/renderer/lib/labels';
import { niceMax } from '../../src/renderer/lib/nice-max';
import { quietInterfaces } from '../../src/renderer/lib/idle-interfaces';
import { hottestByGroup } from '../../src/renderer/views/popover/sensors-tiles';
import type { Sample, TempSensorSample } from '../../src/shared/sample';
import { countRecords } from '../../src/renderer/api/count-records';
import { syntheticSample } from '../../e2e/support/synthetic-sample';

describe('decimate', () => {
  it('keeps every point when they fit and skips gaps', () => {
    expect(decimate([1, 2, 3], [5, NaN, 7], 10)).toEqual([
      { t: 1, v: 5 },
      { t: 3, v: 7 },
    ]);
  });

  it('never returns more points than pixels and keeps the peaks', () => {
    const n = 3600;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => (i === 1234 ? 1000 : i === 2345 ? -1000 : Math.sin(i / 50)));
    const out = decimate(t, v, 120);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(Math.max(...out.map((p) => p.v))).toBe(1000);
    expect(Math.min(...out.map((p) => p.v))).toBe(-1000);
    const times = out.map((p) => p.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('rejects a width below two points, naming the argument', () => {
    expect(() => decimate([], [], 1)).toThrow(/maxPoints/);
  });
});

describe('chartGroups', () => {
  const infos = [
    { id: 'cpu.busy', label: 'CPU busy', unit: '%' },
    { id: 'cpu.core.0.busy', label: 'Core 0', unit: '%' },
    { id: 'cpu.core.1.busy', label: 'Core 1', unit: '%' },
    { id: 'thermal.coretemp/temp1', label: 'Package', unit: '°C' },
    { id: 'thermal.nvme/temp1', label: 'Composite', unit: '°C' },
    { id: 'network.lo.rxBytesPerSec', label: 'lo rx', unit: 'B/s' },
    { id: 'network.eth0.rxBytesPerSec', label: 'eth0 rx', unit: 'B/s' },
    { id: 'network.eth0.txBytesPerSec', label: 'eth0 tx', unit: 'B/s' },
    { id: 'process.12.cpuPercent', label: 'firefox', unit: '%' },
  ];
  it('groups series by chart, temperatures by sensor group, network per interface without loopback', () => {
    const groups = chartGroups(
      infos,
      new Map([
        ['coretemp/temp1', 'cpu'],
        ['nvme/temp1', 'storage'],
      ]),
    );
    expect(groups.map((g) => g.key)).toEqual(['cpu', 'cores', 'thermal-cpu', 'thermal-storage', 'network']);
    expect(groups.find((g) => g.key === 'cores')?.series.map((s) => s.id)).toEqual([
      'cpu.core.0.busy',
      'cpu.core.1.busy',
    ]);
    expect(chartSeriesIds(infos)).not.toContain('process.12.cpuPercent');
  });
});

describe('unavailableReason', () => {
  const base = syntheticSample(1, 1000);
  it('explains an empty battery list, a fan-less machine and a failed section', () => {
    const sample: Sample = {
      ...base,
      power: { ok: true, value: { source: 'ac', adapters: [], batteries: [] } },
      fans: { ok: true, value: { fans: [] } },
      gpu: { ok: false, error: { reason: 'permission', message: 'GPU counters need root' } },
    };
    expect(unavailableReason(sample, null, 'power')).toBe('No battery');
    expect(unavailableReason(sample, null, 'fans')).toBe('No fan sensors on this machine');
    expect(unavailableReason(sample, null, 'gpu')).toBe('Permission needed: GPU counters need root');
    expect(unavailableReason(sample, null, 'cpu')).toBeNull();
    expect(unavailableReason(null, null, 'cpu')).toMatch(/Waiting/);
  });
  it('prefers the capability reason the main process gave', () => {
    const caps = {
      platform: 'linux' as const,
      shell: 'web' as const,
      hostname: 'h',
      canChangeSettings: false,
      sections: { fans: { available: false, reason: 'No fan sensors on this machine' } },
    };
    expect(unavailableReason(base, caps, 'fans')).toBe('No fan sensors on this machine');
    const live = {
      ...caps,
      sections: { thermal: { available: false, reason: 'unavailable: no hwmon sensor' } },
    };
    expect(unavailableReason(base, live, 'thermal')).toBe(
      'No temperature sensors on this machine (no hwmon sensor)',
    );
  });
});

describe('routes and export counting', () => {
  it('maps hashes to views', () => {
    expect(viewFromHash('#/dashboard')).toBe('dashboard');
    expect(viewFromHash('#/settings')).toBe('settings');
    expect(viewFromHash('#/popover')).toBe('popover');
    expect(viewFromHash('')).toBe('popover');
    expect(viewFromHash('', 'dashboard')).toBe('dashboard');
    expect(viewFromHash('#/popover', 'dashboard')).toBe('popover');
    expect(defaultView({})).toBe('dashboard');
    expect(defaultView({ darwinmetrics: {} })).toBe('popover');
  });
  it('counts CSV records with quoted newlines, minus the header, and JSONL lines', () => {
    expect(countRecords('a,b\r\n1,"x\ny"\r\n2,z\r\n', 'csv')).toBe(2);
    expect(countRecords('a,b\n', 'csv')).toBe(0);
    expect(countRecords('{"a":1}\n{"a":2}\n', 'jsonl')).toBe(2);
  });
});

describe('timeTicks', () => {
  it('puts at most four ticks on round times inside the range', async () => {
    const { timeTicks } = await import('../../src/renderer/views/dashboard/history-chart');
    const to = Date.UTC(2026, 0, 1, 12, 7, 30);
    for (const span of [60_000, 300_000, 3_600_000, 86_400_000, 604_800_000]) {
      const ticks = timeTicks(to - span, to);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(4);
      expect(ticks.every((t) => t >= to - span && t <= to)).toBe(true);
      expect(new Set(ticks.map((t, i) => (i > 0 ? t - ticks[i - 1]! : 0)).slice(1)).size).toBe(1);
    }
  });
});

describe('glance helpers', () => {
  it('names Apple cluster channels', () => {
    expect(clusterLabel('ECPU')).toBe('E-cluster');
    expect(clusterLabel('PCPM')).toBe('P-cluster');
    expect(clusterLabel('PCPU1')).toBe('P-cluster 2');
    expect(clusterLabel('ANE')).toBe('ANE');
  });

  it('picks the hottest sensor of each group, in group order', () => {
    const s = (id: string, group: TempSensorSample['group'], celsius: number) =>
      ({ id, chip: 'smc', sensor: id, kind: 'smc', group, celsius }) as TempSensorSample;
    const hottest = hottestByGroup([
      s('a', 'gpu', 50),
      s('b', 'cpu', 60),
      s('c', 'cpu', 70),
      s('d', 'gpu', NaN),
    ]);
    expect(hottest.map((x) => [x.group, x.id])).toEqual([
      ['cpu', 'c'],
      ['gpu', 'a'],
    ]);
  });

  it('hides interfaces that are down or moved no byte over the range', () => {
    const series = (id: string, max: number[]) => ({ id, t: max.map((_, i) => i), avg: max, min: max, max });
    const result = {
      range: '1m' as const,
      fromMs: 0,
      toMs: 1,
      series: [
        series('network.eth0.rxBytesPerSec', [0, 5]),
        series('network.eth0.txBytesPerSec', [0, 0]),
        series('network.ifb0.rxBytesPerSec', [0, 0]),
        series('network.ifb0.txBytesPerSec', [0, 0]),
        series('network.wlan0.rxBytesPerSec', [3]),
        series('cpu.busy', [0]),
      ],
    };
    expect([...quietInterfaces('wlan0', result)].sort()).toEqual(['ifb0', 'wlan0']);
    expect(quietInterfaces('', undefined).size).toBe(0);
  });
});

describe('niceMax', () => {
  it('tops an axis at four round steps above the data', () => {
    expect(niceMax(80.3)).toBe(100);
    expect(niceMax(38.3)).toBe(40);
    expect(niceMax(10.7)).toBe(20);
    expect(niceMax(1780)).toBe(2000);
    expect(niceMax(4)).toBe(4);
    expect(niceMax(0)).toBe(0);
    expect(niceMax(-3)).toBe(0);
  });
});
