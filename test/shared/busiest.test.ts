// One busiest-processes selection (issue 11 §4): history, alerts, CSV, /metrics and InfluxDB list
// the same processes in the same order, ties included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { influxPoints, prometheusFamilies } from '../../src/core/export';
import { flattenSample } from '../../src/core/export/flatten';
import { seriesOf } from '../../src/core/history';
import { busiestProcesses, compareBusiest } from '../../src/shared/catalogue';
import type { ProcessSample, Sample } from '../../src/shared/sample';

function proc(pid: number, cpuPercent: number | undefined, rssBytes: number): ProcessSample {
  const p = {
    pid,
    ppid: 1,
    name: `p${pid}`,
    path: '',
    user: 'u',
    uid: 0,
    state: 'R',
    threads: 1,
    startTimeMs: 0,
    cpuTimeNs: 0,
    rssBytes,
    virtualBytes: 0,
    kernelThread: false,
  };
  return cpuPercent === undefined ? p : { ...p, cpuPercent };
}

// Ties on CPU (pids 7 and 3), on CPU and memory (5 and 9), and a process without a CPU share yet.
const PROCS = [
  proc(9, 20, 100),
  proc(7, 50, 100),
  proc(5, 20, 100),
  proc(3, 50, 300),
  proc(11, undefined, 10_000),
  proc(2, 1, 1),
];
const ORDER = [3, 7, 5, 9, 2, 11];

describe('busiestProcesses', () => {
  it('orders by CPU share, then resident memory, then pid; no CPU share comes last', () => {
    expect(busiestProcesses(PROCS, 10).map((p) => p.pid)).toEqual(ORDER);
    expect(busiestProcesses(PROCS, 3).map((p) => p.pid)).toEqual(ORDER.slice(0, 3));
    expect(busiestProcesses(PROCS, 0)).toEqual([]);
  });

  it('equals a full sort cut to the limit, for any list', () => {
    const arb = fc.array(
      fc.record({
        pid: fc.integer({ min: 1, max: 50 }),
        cpu: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        rss: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 12 }), (rows, limit) => {
        const list = rows.map((r, i) => proc(r.pid * 100 + i, r.cpu, r.rss));
        const expected = [...list].sort(compareBusiest).slice(0, limit);
        expect(busiestProcesses(list, limit)).toEqual(expected);
      }),
    );
  });

  it('gives history, CSV, Prometheus and InfluxDB the same processes in the same order', () => {
    const sample: Sample = {
      t: 1_700_000_000_000,
      mono: 1,
      processes: { ok: true, value: { count: PROCS.length, processes: PROCS } },
    };
    const top = 4;
    const want = ORDER.slice(0, top);
    const history = seriesOf(sample, { topProcesses: top })
      .filter((p) => p.id.endsWith('.rssBytes'))
      .map((p) => Number(p.id.split('.')[1]));
    expect(history).toEqual(want);
    const csv = flattenSample(sample, { topProcesses: top }).filter(([k]) => /^process\.\d+\.pid$/.test(k));
    expect(csv.map(([, v]) => v)).toEqual(want);
    const rss = prometheusFamilies(sample, { topProcesses: top }).find(
      (f) => f.name === 'darwinmetrics_process_resident_memory_bytes',
    );
    expect(rss?.points.map((p) => Number(p.labels.find(([k]) => k === 'pid')?.[1]))).toEqual(want);
    const influx = influxPoints(sample, { topProcesses: top }).filter((p) => p.measurement === 'process');
    expect(influx.map((p) => Number(p.tags['pid']))).toEqual(want);
  });
});
