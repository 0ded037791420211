// Streaming load on `nmetrics serve` sampling the live machine at 1 Hz: 50 stream clients on
// loopback per transport, one transport at a time in the same run: the existing SSE stream
// (/api/stream), the WebSocket stream (/api/ws) and gRPC StreamSamples, each client following every
// section at 1 s. Reported per transport: server CPU per second (and per client, over the idle
// server measured first), p50/p99 delivery delay, samples delivered; ratios against SSE.
// The server runs in a child process so that its CPU time is its own (process.cpuUsage there).
// Not part of `npm test`; `npm run bench -- streaming-load`. BENCH_STREAM_SECONDS shortens phases.
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main';
import { SECTIONS } from '../src/shared/sections';
import { grpcClient, sseClient, wsClient, type StreamClient } from './stream-clients';

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_STREAM_SECONDS ?? 30);
const SETTLE_MS = 3000;

if (process.argv.includes('--server')) await serveChild();
else await main();

/** The child: nmetrics serve, answering "cpu" on stdin with its CPU time so far (µs). */
async function serveChild(): Promise<void> {
  const controller = new AbortController();
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (line: string) => {
    if (line.startsWith('cpu')) {
      const u = process.cpuUsage();
      process.stdout.write(`cpu ${u.user + u.system}\n`);
    } else controller.abort();
  });
  const args = ['serve', '--port', '0', '--grpc-port', '0', '--interval', '1s', '--max-streams', '64'];
  const status = await runCli(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: new PassThrough(),
    signal: controller.signal,
    env: {},
  });
  process.exit(status);
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--server'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    for (const line of d.split('\n')) if (line.startsWith('cpu ')) waiters.shift()?.(line);
  });
  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      waiters.push((line) => resolve(Number(line.slice(4))));
      child.stdin.write('cpu\n');
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 100 && !/gRPC on/.test(out); i++) await sleep(100);
  const base = /listening on (http:\/\/\S+) /.exec(out)?.[1];
  const grpcAddress = /gRPC on (\S+) /.exec(out)?.[1];
  if (base === undefined || grpcAddress === undefined) throw new Error(`serve did not start: ${out}`);

  async function phase(name: string, open: () => StreamClient) {
    process.stderr.write(`streaming-load: ${name}, ${CLIENTS} clients for ${SECONDS} s...\n`);
    const clients = Array.from({ length: CLIENTS }, open);
    await sleep(SETTLE_MS);
    for (const c of clients) c.delaysMs.length = 0;
    const cpu0 = await cpuMicros();
    const clientCpu0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(SECONDS * 1000);
    const cpu1 = await cpuMicros();
    const clientCpu = process.cpuUsage(clientCpu0);
    const seconds = (performance.now() - t0) / 1000;
    for (const c of clients) c.close();
    const delays = clients.flatMap((c) => c.delaysMs).sort((a, b) => a - b);
    await sleep(1000);
    return {
      cpu_ms_per_s: Number(((cpu1 - cpu0) / 1000 / seconds).toFixed(2)),
      // The 50 clients' own CPU (this process): part of every delivery delay, not of the server's cost.
      clients_cpu_ms_per_s: Number(((clientCpu.user + clientCpu.system) / 1000 / seconds).toFixed(2)),
      samples_delivered: delays.length,
      samples_per_client_per_s: Number((delays.length / CLIENTS / seconds).toFixed(3)),
      delay_p50_ms: quantile(delays, 0.5),
      delay_p99_ms: quantile(delays, 0.99),
    };
  }

  // The idle server (sampling, history, no stream client) is the floor the clients add to.
  await sleep(SETTLE_MS);
  const idle0 = await cpuMicros();
  const i0 = performance.now();
  await sleep(SECONDS * 1000);
  const idleCpu = (await cpuMicros()) - idle0;
  const idleMsPerS = idleCpu / 1000 / ((performance.now() - i0) / 1000);

  const sse = await phase('sse', () => sseClient(base));
  const ws = await phase('websocket', () => wsClient(base, SECTIONS, 1000));
  const grpc = await phase('grpc', () => grpcClient(grpcAddress, SECTIONS, 1000));
  child.stdin.write('stop\n');
  await new Promise((r) => child.once('exit', r));

  const perClient = (p: { cpu_ms_per_s: number }) =>
    Number(((p.cpu_ms_per_s - idleMsPerS) / CLIENTS).toFixed(3));
  const ratio = (a: number, b: number) => Number((a / b).toFixed(3));
  const transports = { sse, websocket: ws, grpc };
  console.log(
    JSON.stringify(
      {
        clients_per_transport: CLIENTS,
        seconds_per_phase: SECONDS,
        sampling_hz: 1,
        sections: 'all',
        idle_server_cpu_ms_per_s: Number(idleMsPerS.toFixed(2)),
        transports: Object.fromEntries(
          Object.entries(transports).map(([k, v]) => [k, { ...v, cpu_ms_per_s_per_client: perClient(v) }]),
        ),
        ratios_vs_sse: {
          websocket_cpu_per_client: ratio(perClient(ws), perClient(sse)),
          grpc_cpu_per_client: ratio(perClient(grpc), perClient(sse)),
          websocket_delay_p99: ratio(ws.delay_p99_ms, sse.delay_p99_ms),
          grpc_delay_p99: ratio(grpc.delay_p99_ms, sse.delay_p99_ms),
        },
      },
      null,
      2,
    ),
  );
}
