// derive(prev, cur) per sample with 500 processes, 16 CPUs, 8 interfaces, 4 disks (H-poller's
// history-push bench measures derive + history push together). Side by side in the same run: the
// process section derived the object-per-process way (rows turned into objects, previous rows
// found through a Map keyed by "pid:start" strings), reported as a ratio. Prints one JSON document.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { derive } from '../src/core/derive/derive';
import { ok } from '../src/shared/metric-result';
import type { RawCpuTicks, RawInterface, RawProcesses, RawSnapshot } from '../src/shared/raw';

const PROCESSES = 500;
const SAMPLES = 3_000;
const WARMUP = 500;

function ticks(i: number, core: number): RawCpuTicks {
  const busy = (core % 4) + 1;
  return {
    user: i * 40 * busy,
    nice: 0,
    system: i * 10 * busy,
    idle: i * (100 - 10 * busy),
    iowait: i,
    irq: 0,
    softirq: i,
    steal: 0,
  };
}

function processes(i: number): RawProcesses {
  const n = PROCESSES;
  const col = (f: (k: number) => number) => Float64Array.from({ length: n }, (_, k) => f(k));
  // Every 7th sample the last process is replaced by a new one (pid reuse needs the start time).
  const churn = Math.floor(i / 7);
  return {
    count: n,
    pid: Int32Array.from({ length: n }, (_, k) => (k === n - 1 ? 10_000 + churn : 100 + k)),
    ppid: Int32Array.from({ length: n }, (_, k) => (k === 0 ? 0 : 100 + Math.floor(k / 3))),
    uid: new Int32Array(n),
    threads: new Int32Array(n).fill(4),
    startTimeMs: col((k) => (k === n - 1 ? churn * 7000 : k * 10)),
    cpuTimeNs: col((k) => i * 1e7 * ((k % 13) + 1)),
    rssBytes: col((k) => 1e6 * ((k % 97) + 1)),
    virtualBytes: col(() => 4e9),
    diskReadBytes: col((k) => i * 4096 * (k % 5)),
    diskWriteBytes: col((k) => i * 512 * (k % 3)),
    state: new Uint8Array(n).fill(83),
    kernelThread: new Uint8Array(n),
    name: Array.from({ length: n }, (_, k) => `proc-${k}`),
    path: Array.from({ length: n }, (_, k) => `/usr/bin/proc-${k}`),
    user: Array.from({ length: n }, () => 'user'),
  };
}

function iface(name: string, i: number): RawInterface {
  return {
    name,
    kind: 'ethernet',
    up: true,
    addresses: [],
    rxBytes: i * 1e5,
    txBytes: i * 5e4,
    rxPackets: i * 100,
    txPackets: i * 50,
    rxErrors: 0,
    txErrors: 0,
    rxDrops: 0,
    txDrops: 0,
  };
}

function snapshot(i: number): RawSnapshot {
  const cores = Array.from({ length: 16 }, (_, c) => ticks(i, c));
  const total = cores.reduce((a, b) => ({
    user: a.user + b.user,
    nice: 0,
    system: a.system + b.system,
    idle: a.idle + b.idle,
    iowait: a.iowait + b.iowait,
    irq: 0,
    softirq: a.softirq + b.softirq,
    steal: 0,
  }));
  return {
    t: 1_767_225_600_000 + i * 1000,
    mono: i * 1e9,
    cpu: ok({
      model: 'bench',
      arch: 'x64',
      physicalCores: 8,
      logicalCores: 16,
      perfLevels: [],
      loadAvg: [1, 1, 1],
      ticksPerSecond: 100,
      total,
      cores,
    }),
    memory: ok({
      totalBytes: 32e9,
      freeBytes: 8e9,
      availableBytes: 16e9,
      usedBytes: 16e9,
      cachedBytes: 4e9,
      swapTotalBytes: 0,
      swapUsedBytes: 0,
    }),
    network: ok({ interfaces: Array.from({ length: 8 }, (_, k) => iface(`eth${k}`, i)) }),
    disks: ok({
      mounts: [],
      devices: Array.from({ length: 4 }, (_, k) => ({
        name: `sd${k}`,
        readBytes: i * 1e6,
        writeBytes: i * 2e6,
        readOps: i * 10,
        writeOps: i * 20,
        ioTimeMs: i * 100,
      })),
    }),
    processes: ok(processes(i)),
  };
}

/**
 * The alternative: the same output fields, computed the object-per-process way: every row first
 * becomes an object, previous rows are found through a Map keyed by a "pid:start" string.
 */
function deriveObjectWay(
  prev: RawProcesses,
  cur: RawProcesses,
  seconds: number,
  totalMemory: number,
): number {
  const toRows = (p: RawProcesses) =>
    Array.from({ length: p.count }, (_, k) => ({
      pid: p.pid[k] ?? 0,
      ppid: p.ppid[k] ?? 0,
      name: p.name[k] ?? '',
      path: p.path[k] ?? '',
      user: p.user[k] ?? '',
      uid: p.uid[k] ?? 0,
      state: String.fromCharCode(p.state[k] ?? 63),
      threads: p.threads[k] ?? 0,
      startTimeMs: p.startTimeMs[k] ?? NaN,
      cpuTimeNs: p.cpuTimeNs[k] ?? NaN,
      rssBytes: p.rssBytes[k] ?? NaN,
      virtualBytes: p.virtualBytes[k] ?? NaN,
      kernelThread: p.kernelThread[k] === 1,
      diskReadBytes: p.diskReadBytes[k] ?? NaN,
      diskWriteBytes: p.diskWriteBytes[k] ?? NaN,
    }));
  const before = new Map(toRows(prev).map((r) => [`${r.pid}:${r.startTimeMs}`, r]));
  let sum = 0;
  for (const row of toRows(cur)) {
    const old = before.get(`${row.pid}:${row.startTimeMs}`);
    const out: Record<string, unknown> = { ...row, memPercent: (row.rssBytes / totalMemory) * 100 };
    if (old && row.cpuTimeNs >= old.cpuTimeNs) {
      out['cpuPercent'] = ((row.cpuTimeNs - old.cpuTimeNs) / 1e9 / seconds) * 100;
      if (row.diskReadBytes >= old.diskReadBytes)
        out['diskReadBytesPerSec'] = (row.diskReadBytes - old.diskReadBytes) / seconds;
      if (row.diskWriteBytes >= old.diskWriteBytes)
        out['diskWriteBytesPerSec'] = (row.diskWriteBytes - old.diskWriteBytes) / seconds;
      sum += out['cpuPercent'] as number;
    }
  }
  return sum;
}

const snaps = Array.from({ length: WARMUP + SAMPLES + 1 }, (_, i) => snapshot(i));
const ours: number[] = [];
const oursProcessesOnly: number[] = [];
const objectWay: number[] = [];
const onlyProcesses = snaps.map(
  (s) => ({ t: s.t, mono: s.mono, processes: s.processes, memory: s.memory }) as RawSnapshot,
);
(globalThis as { gc?: () => void }).gc?.();
for (let i = 1; i < snaps.length; i++) {
  const a = performance.now();
  derive(snaps[i - 1], snaps[i] as RawSnapshot);
  const b = performance.now();
  if (i > WARMUP) ours.push(b - a);
}
for (let i = 1; i < snaps.length; i++) {
  const a = performance.now();
  derive(onlyProcesses[i - 1], onlyProcesses[i] as RawSnapshot);
  const b = performance.now();
  if (i > WARMUP) oursProcessesOnly.push(b - a);
}
let sink = 0;
for (let i = 1; i < snaps.length; i++) {
  const prev = snaps[i - 1]?.processes;
  const cur = snaps[i]?.processes;
  if (!prev?.ok || !cur?.ok) continue;
  const a = performance.now();
  sink += deriveObjectWay(prev.value, cur.value, 1, 32e9);
  const b = performance.now();
  if (i > WARMUP) objectWay.push(b - a);
}

const median = (v: number[]): number => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] ?? NaN;
const round = (v: number, d = 4): number => Number(v.toFixed(d));
process.stdout.write(
  JSON.stringify({
    samples: SAMPLES,
    processes: PROCESSES,
    deriveAllSectionsMs: { median: round(median(ours)), min: round(Math.min(...ours)) },
    deriveProcessesMs: {
      median: round(median(oursProcessesOnly)),
      min: round(Math.min(...oursProcessesOnly)),
    },
    objectPerProcessMs: { median: round(median(objectWay)), min: round(Math.min(...objectWay)) },
    ratioObjectWayOverOursProcesses: round(median(objectWay) / median(oursProcessesOnly), 2),
    loadAverage1m: round(loadavg()[0] ?? NaN, 2),
    checksum: Math.round(sink) > 0,
  }) + '\n',
);
