// Synthetic RawSnapshots for the history benches: a machine with 16 logical CPUs, ~100 temperature
// sensors, fans, a battery, a GPU, rails, disks, interfaces and a process table whose counters move
// like a busy system's. Deterministic (seeded), so runs compare. Sized so that seriesOf() yields
// about 200 series per sample (the figure the goals use).
import { ok } from '../src/shared/metric-result';
import type { RawCpuTicks, RawProcesses, RawSnapshot } from '../src/shared/raw';

export interface SyntheticOptions {
  readonly processes: number;
  readonly sensors?: number;
  /** Every this many samples one process exits and a new pid appears (0 = never). */
  readonly churnEvery?: number;
}

/** Mulberry32: a tiny seeded PRNG so every run reads the same numbers. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORES = 16;
const T0 = Date.UTC(2026, 0, 1);

export function syntheticSource(options: SyntheticOptions): (i: number) => RawSnapshot {
  const random = rng(42);
  const n = options.processes;
  const sensorCount = options.sensors ?? 103;
  const churn = options.churnEvery ?? 0;
  const cores: { -readonly [K in keyof RawCpuTicks]: number }[] = Array.from({ length: CORES }, () => ({
    user: 0,
    nice: 0,
    system: 0,
    idle: 0,
    iowait: 0,
    irq: 0,
    softirq: 0,
    steal: 0,
  }));
  let nextPid = 1000 + n;
  const pid = Int32Array.from({ length: n }, (_, k) => 1000 + k);
  const cpuTimeNs = new Float64Array(n);
  const startTimeMs = new Float64Array(n).fill(T0 - 3_600_000);
  const names = Array.from({ length: n }, (_, k) => `proc-${k}`);
  const disks = ['nvme0n1', 'sda', 'sdb'].map((name) => ({ name, r: 0, w: 0, ro: 0, wo: 0, io: 0 }));
  const ifaces = ['lo', 'eth0', 'wlan0', 'docker0'].map((name) => ({ name, rx: 0, tx: 0 }));
  const rails = ['cpu', 'gpu', 'dram', 'package-0'].map((name) => ({ name, e: 0 }));

  return (i: number): RawSnapshot => {
    const t = T0 + i * 1000;
    for (const c of cores) {
      const busy = Math.floor(random() * 100);
      c.user += busy * 0.7;
      c.system += busy * 0.3;
      c.idle += 100 - busy;
    }
    const total = cores.reduce(
      (s, c) => ({ ...s, user: s.user + c.user, system: s.system + c.system, idle: s.idle + c.idle }),
      { ...cores[0]!, user: 0, system: 0, idle: 0 },
    );
    if (churn > 0 && i > 0 && i % churn === 0) {
      const k = i % n;
      pid[k] = nextPid++;
      cpuTimeNs[k] = 0;
      startTimeMs[k] = t;
    }
    for (let k = 0; k < n; k++) cpuTimeNs[k] = cpuTimeNs[k]! + random() * random() * 2e8;
    // Fresh arrays per snapshot: derive compares this snapshot's counters with the previous one's.
    const processes: RawProcesses = {
      count: n,
      pid: Int32Array.from(pid),
      ppid: new Int32Array(n).fill(1),
      uid: new Int32Array(n),
      threads: new Int32Array(n).fill(4),
      startTimeMs: Float64Array.from(startTimeMs),
      cpuTimeNs: Float64Array.from(cpuTimeNs),
      rssBytes: new Float64Array(n).fill(50e6),
      virtualBytes: new Float64Array(n).fill(500e6),
      diskReadBytes: new Float64Array(n),
      diskWriteBytes: new Float64Array(n),
      state: new Uint8Array(n).fill(83),
      kernelThread: new Uint8Array(n),
      name: names,
      path: names,
      user: names.map(() => 'user'),
    };
    for (const d of disks) {
      d.r += random() * 1e7;
      d.w += random() * 1e7;
      d.ro += random() * 100;
      d.wo += random() * 100;
      d.io += random() * 500;
    }
    for (const f of ifaces) {
      f.rx += random() * 1e6;
      f.tx += random() * 1e6;
    }
    for (const r of rails) r.e += random() * 20;
    return {
      t,
      mono: i * 1e9,
      cpu: ok({
        model: 'Synthetic CPU',
        arch: 'x64',
        physicalCores: CORES / 2,
        logicalCores: CORES,
        perfLevels: [],
        loadAvg: [1, 1, 1],
        ticksPerSecond: 100,
        total,
        cores: cores.map((c) => ({ ...c })),
        coreMhz: cores.map(() => 2000 + Math.floor(random() * 2000)),
      }),
      memory: ok({
        totalBytes: 32e9,
        freeBytes: 8e9,
        availableBytes: 16e9,
        usedBytes: 16e9,
        cachedBytes: 4e9,
        swapTotalBytes: 8e9,
        swapUsedBytes: 1e9,
      }),
      power: ok({
        source: 'battery',
        adapters: [],
        batteries: [
          {
            id: 'BAT0',
            percent: 80,
            state: 'discharging',
            powerW: -12,
            energyFullWh: 50,
            energyDesignWh: 60,
          },
        ],
        thermalPressure: 'nominal',
      }),
      thermal: ok({
        sensors: Array.from({ length: sensorCount }, (_, k) => ({
          id: `hwmon${k >> 3}/temp${k & 7}`,
          chip: `hwmon${k >> 3}`,
          sensor: `temp${k & 7}`,
          kind: 'hwmon' as const,
          celsius: 40 + random() * 40,
        })),
      }),
      fans: ok({
        fans: [0, 1].map((k) => ({
          id: `fan${k}`,
          chip: 'smc',
          sensor: `F${k}`,
          rpm: 1200 + random() * 3000,
        })),
      }),
      gpu: ok({
        gpus: [
          { id: 'card0', busyPercent: random() * 100, frequencyMhz: 1200, memoryUsedBytes: 1e9, powerW: 20 },
        ],
      }),
      rails: ok({ rails: rails.map((r) => ({ name: r.name, energyJ: r.e })), systemW: 25 }),
      disks: ok({
        mounts: ['/', '/home', '/boot'].map((mount, k) => ({
          mount,
          device: `dev${k}`,
          fsType: 'ext4',
          totalBytes: 1e12,
          usedBytes: 4e11,
          availableBytes: 6e11,
        })),
        devices: disks.map((d) => ({
          name: d.name,
          readBytes: d.r,
          writeBytes: d.w,
          readOps: d.ro,
          writeOps: d.wo,
          ioTimeMs: d.io,
        })),
      }),
      network: ok({
        interfaces: ifaces.map((f) => ({
          name: f.name,
          kind: 'ethernet' as const,
          up: true,
          addresses: [],
          rxBytes: f.rx,
          txBytes: f.tx,
          rxPackets: 0,
          txPackets: 0,
          rxErrors: 0,
          txErrors: 0,
          rxDrops: 0,
          txDrops: 0,
        })),
      }),
      processes: ok(processes),
    };
  };
}

/** Median and 95th percentile of a list of durations, ms. */
export function stats(ms: number[]): { median: number; p95: number; mean: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), mean: ms.reduce((s, v) => s + v, 0) / ms.length };
}

export const round = (v: number, digits = 4): number => Number(v.toFixed(digits));
