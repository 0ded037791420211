// Issue 11 §7: context switches and interrupts per second, added as one catalogue entry each,
// reach history, CSV, JSONL, /metrics, InfluxDB and the dashboard's export list.
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/core/derive/derive';
import { SampleCsv, jsonlLine, parseJsonl, sampleInflux, samplePrometheus } from '../../src/core/export';
import { createHistory } from '../../src/core/history';
import { chartGroups } from '../../src/renderer/lib/chart-groups';
import { metricById } from '../../src/shared/catalogue';
import type { Sample } from '../../src/shared/sample';
import { ok, rawCpu, snap, ticks } from '../core/raw-builders';

function cpuAt(seconds: number, contextSwitches: number, interrupts: number) {
  const t = ticks({ user: seconds * 50, idle: seconds * 50 });
  return snap(seconds, { cpu: ok(rawCpu(t, [t], { contextSwitches, interrupts })) });
}

// Two snapshots 2 s apart: 8,000 switches and 3,000 interrupts in between.
const before = cpuAt(10, 1_000_000, 500_000);
const after = cpuAt(12, 1_008_000, 503_000);
const sample: Sample = derive(before, after);

describe('context switches and interrupts per second', () => {
  it('are one catalogue entry each, Linux only, with the reason macOS has none', () => {
    for (const id of ['cpu.contextSwitches', 'cpu.interrupts']) {
      const d = metricById(id)!;
      expect(d.kind).toBe('counter');
      expect(d.platforms).toEqual(['linux']);
      expect(d.note).toMatch(/host_statistics64/);
    }
  });

  it('derive turns the counters into rates over the real interval', () => {
    const cpu = sample.cpu?.ok ? sample.cpu.value : undefined;
    expect(cpu?.contextSwitchesPerSec).toBe(4000);
    expect(cpu?.interruptsPerSec).toBe(1500);
    expect(cpu?.contextSwitchesTotal).toBe(1_008_000);
    // A counter that went backwards (reboot between snapshots) gives no rate, never a negative one.
    const reset = derive(after, cpuAt(14, 10, 5));
    expect(reset.cpu?.ok && reset.cpu.value.contextSwitchesPerSec).toBeUndefined();
  });

  it('reach the history, and the dashboard charts and exports them', () => {
    const history = createHistory({ now: () => sample.t });
    history.push(sample);
    const infos = history.listSeries();
    expect(infos).toContainEqual({ id: 'cpu.contextSwitchesPerSec', label: 'Context switches', unit: '/s' });
    expect(infos).toContainEqual({ id: 'cpu.interruptsPerSec', label: 'Interrupts', unit: '/s' });
    const r = history.query({ series: ['cpu.contextSwitchesPerSec'], range: '1m', maxPoints: 10 });
    expect(r.series[0]?.avg).toEqual([4000]);
    const scheduler = chartGroups(infos).find((g) => g.key === 'scheduler');
    expect(scheduler?.series.map((s) => s.id)).toEqual(['cpu.contextSwitchesPerSec', 'cpu.interruptsPerSec']);
  });

  it('reach CSV and JSONL', () => {
    const csv = new SampleCsv();
    const header = csv.header(sample).trim().split(',');
    const row = csv.row(sample).trim().split(',');
    expect(row[header.indexOf('cpu.contextSwitchesPerSec')]).toBe('4000');
    expect(row[header.indexOf('cpu.interruptsPerSec')]).toBe('1500');
    const [back] = parseJsonl(jsonlLine(sample)) as Sample[];
    expect(back?.cpu?.ok && back.cpu.value.contextSwitchesPerSec).toBe(4000);
  });

  it("reach /metrics under node_exporter's names, and InfluxDB as total and rate", () => {
    const text = samplePrometheus(sample);
    expect(text).toContain(
      '# TYPE node_context_switches_total counter\nnode_context_switches_total 1008000\n',
    );
    expect(text).toContain('# TYPE node_intr_total counter\nnode_intr_total 503000\n');
    const cpuLine = sampleInflux(sample).find((l) => l.startsWith('cpu '))!;
    expect(cpuLine).toContain('context_switches=1008000i');
    expect(cpuLine).toContain('context_switches_per_sec=4000');
    expect(cpuLine).toContain('interrupts=503000i');
    expect(cpuLine).toContain('interrupts_per_sec=1500');
  });
});
