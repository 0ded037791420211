import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive/derive';
import { sectionOfSeries, seriesOf } from '../../../src/core/history/series';
import { fairSensorOrder } from '../../../src/shared/sensor-order';
import { fail, ok } from '../../../src/shared/metric-result';
import { rawCpu, rawMemory, rawProcesses, snap, ticks } from '../raw-builders';

const before = snap(0, {
  cpu: ok(rawCpu(ticks({ user: 0, idle: 0 }), [ticks({ user: 0, idle: 0 })])),
  memory: ok(rawMemory({ pressureLevel: 'critical' })),
  processes: ok(rawProcesses(Array.from({ length: 30 }, (_, i) => ({ pid: i + 1, cpuTimeNs: 0 })))),
  thermal: ok({
    sensors: [{ id: 'smc/Tp01', chip: 'smc', sensor: 'Tp01', kind: 'smc' as const, celsius: 61.5 }],
  }),
});
const { t: _t, mono: _mono, ...sections } = before;
const after = snap(1, {
  ...sections,
  cpu: ok(rawCpu(ticks({ user: 25, idle: 75 }), [ticks({ user: 25, idle: 75 })])),
  processes: ok(rawProcesses(Array.from({ length: 30 }, (_, i) => ({ pid: i + 1, cpuTimeNs: i * 1e7 })))),
});

describe('seriesOf', () => {
  it('emits documented ids with labels and units', () => {
    const points = seriesOf(derive(before, after));
    const byId = new Map(points.map((p) => [p.id, p]));
    expect(byId.get('cpu.busy')).toEqual({ id: 'cpu.busy', label: 'CPU busy', unit: '%', value: 25 });
    expect(byId.get('cpu.core.0.busy')?.value).toBe(25);
    expect(byId.get('memory.usedPercent')?.value).toBe(50);
    expect(byId.get('memory.pressureLevel')?.value).toBe(2);
    expect(byId.get('thermal.smc/Tp01')).toMatchObject({ unit: '°C', value: 61.5 });
    for (const p of points) expect(Number.isFinite(p.value)).toBe(true);
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
  });

  it('caps processes to the top N by CPU, highest first', () => {
    const sample = derive(before, after);
    const procIds = (n?: number) =>
      seriesOf(sample, n === undefined ? {} : { topProcesses: n })
        .filter((p) => p.id.endsWith('.cpuPercent') && p.id.startsWith('process.'))
        .map((p) => p.id);
    expect(procIds()).toHaveLength(10);
    expect(procIds(3)).toEqual(['process.30.cpuPercent', 'process.29.cpuPercent', 'process.28.cpuPercent']);
    expect(procIds(0)).toEqual([]);
    expect(() => seriesOf(sample, { topProcesses: -1 })).toThrow(/topProcesses/);
  });

  it('leaves out what the sample does not have: first-sample rates, failed sections', () => {
    const first = seriesOf(derive(undefined, before));
    expect(first.find((p) => p.id === 'cpu.busy')).toBeUndefined();
    // No CPU share without a previous sample; the busiest processes are then picked by memory.
    expect(first.some((p) => p.id.startsWith('process.') && p.id.endsWith('.cpuPercent'))).toBe(false);
    const failed = seriesOf(
      derive(undefined, snap(0, { cpu: fail('failed', 'x'), memory: ok(rawMemory()) })),
    );
    expect(failed.map((p) => p.id)).toEqual([
      'memory.usedBytes',
      'memory.usedPercent',
      'memory.swapUsedPercent',
    ]);
  });

  it('maps an id to its section', () => {
    expect(sectionOfSeries('process.12.cpuPercent')).toBe('processes');
    expect(sectionOfSeries('disks.mount./.usedPercent')).toBe('disks');
    expect(sectionOfSeries('cpu')).toBe('cpu');
  });
});

describe('fairSensorOrder', () => {
  it('takes one sensor of each group in turn, CPU first', () => {
    const s = (id: string, group: string) => ({ id, group });
    const order = fairSensorOrder([
      s('TA0', 'ambient'),
      s('TA1', 'ambient'),
      s('TB0', 'battery'),
      s('Tp0', 'cpu'),
      s('Tp1', 'cpu'),
      s('Tg0', 'gpu'),
    ]);
    expect(order.map((x) => x.id)).toEqual(['Tp0', 'Tg0', 'TB0', 'TA0', 'Tp1', 'TA1']);
  });
});
