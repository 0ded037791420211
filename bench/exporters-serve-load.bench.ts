// Load test of `nmetrics serve` on loopback while it samples the live machine at 1 Hz: autocannon
// (10 connections) against GET /metrics for 30 s, and side by side against GET /healthz (no
// rendering), so the cost of rendering shows as a ratio. Requests/s and latency p50/p99.
// Not part of `npm test` (it takes a minute); `npm run bench -- exporters-serve-load`.
// BENCH_LOAD_SECONDS shortens each run.
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { runCli } from '../src/cli/main';

interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = 10;

const stdout = new PassThrough();
const stderr = new PassThrough();
let out = '';
stdout.on('data', (d: Buffer) => (out += d.toString()));
stderr.on('data', (d: Buffer) => process.stderr.write(d));
const controller = new AbortController();
const status = runCli(['serve', '--port', '0', '--interval', '1s'], {
  stdout,
  stderr,
  stdin: new PassThrough(),
  signal: controller.signal,
  env: {},
});

let base = '';
for (let i = 0; i < 100 && base === ''; i++) {
  base = /listening on (http:\/\/\S+) /.exec(out)?.[1] ?? '';
  await new Promise((r) => setTimeout(r, 100));
}
if (base === '') throw new Error(`serve did not start: ${out}`);
// Wait for the first sample so /metrics answers 200.
for (let i = 0; i < 100 && (await fetch(`${base}/metrics`)).status !== 200; i++)
  await new Promise((r) => setTimeout(r, 100));
const metricsBytes = (await (await fetch(`${base}/metrics`)).text()).length;

async function load(path: string) {
  process.stderr.write(`load: ${path} for ${SECONDS} s...\n`);
  const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS });
  return {
    requests_per_s: Math.round(r.requests.average),
    latency_p50_ms: r.latency.p50,
    latency_p99_ms: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

const metrics = await load('/metrics');
const health = await load('/healthz');
controller.abort();
await status;
console.log(
  JSON.stringify(
    {
      seconds: SECONDS,
      connections: CONNECTIONS,
      sampling_hz: 1,
      metrics_body_bytes: metricsBytes,
      metrics,
      healthz_baseline: health,
      ratio_metrics_to_healthz_rps: Number((metrics.requests_per_s / health.requests_per_s).toFixed(3)),
    },
    null,
    2,
  ),
);
