// Rendering one full sample in every export format (goal for /metrics: ≤ 2 ms). The sample is
// derived from H-poller's synthetic machine: 16 CPUs, ~100 temperature sensors, fans, a battery, a
// GPU, rails, disks, interfaces and 500 processes. Side by side in the same run: JSON.stringify of
// the same sample (what /api/snapshot sends), so each format is also reported as a ratio to it.
// Prints one JSON document.
import { performance } from 'node:perf_hooks';
import { derive } from '../src/core/derive/derive';
import { SampleCsv } from '../src/core/export/csv';
import { sampleInflux } from '../src/core/export/influx-points';
import { jsonlLine } from '../src/core/export/jsonl';
import { renderOpenMetrics } from '../src/core/export/openmetrics';
import { prometheusFamilies, samplePrometheus } from '../src/core/export/prometheus';
import { round, stats, syntheticSource } from './synthetic-snapshots';

const RUNS = 2_000;
const WARMUP = 300;

const source = syntheticSource({ processes: 500 });
const sample = derive(source(0), source(1));
const csv = new SampleCsv();
csv.header(sample);

const formats: Record<string, () => unknown> = {
  'json-baseline': () => JSON.stringify(sample),
  prometheus: () => samplePrometheus(sample),
  openmetrics: () => renderOpenMetrics(prometheusFamilies(sample)),
  influx: () => sampleInflux(sample).join('\n'),
  'csv-row': () => csv.row(sample),
  jsonl: () => jsonlLine(sample),
};

function time(fn: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const results: Record<string, { median_ms: number; p95_ms: number; bytes: number; ratio_to_json: number }> =
  {};
const base = stats(time(formats['json-baseline']!));
const baseline = base.median;
for (const [name, fn] of Object.entries(formats)) {
  const s = name === 'json-baseline' ? base : stats(time(fn));
  const output = fn();
  results[name] = {
    median_ms: round(s.median),
    p95_ms: round(s.p95),
    bytes: Buffer.byteLength(String(output)),
    ratio_to_json: round(s.median / baseline, 2),
  };
}
const prom = samplePrometheus(sample);
console.log(
  JSON.stringify(
    {
      sample: {
        processes: 500,
        series_lines: prom.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length,
      },
      runs: RUNS,
      formats: results,
      // The goal is judged on the median: p95 on a shared 2-core machine mostly measures other processes and GC.
      goal: { metrics_render_ms: 2, met: results.prometheus!.median_ms <= 2 },
    },
    null,
    2,
  ),
);
