/**
 * A short Mac recording, made at test time from the real macOS captures in ../shared/fixtures/darwin
 * (never copied into the repo): each frame is a native darwin snapshot assembled from the captures,
 * normalised by core/darwin and derived by core/derive exactly as on a Mac, then written as the JSONL
 * `nmetrics record` writes. The views are judged on it with temperatures, fans, battery, GPU and
 * clusters present. Sections no capture holds (network, processes, disks) are recorded as
 * unavailable with that reason, never invented.
 *
 * Sources (see that folder's README for provenance):
 * - SMC temperatures, fans and power gauges: iSMC's full dump of an M2 Max MacBook Pro (Mac14,6).
 * - Battery: the AppleSmartBattery registry of the same model on battery (whatcable issue 95).
 * - CPU clusters and per-core busy share: macmon's IOReport capture of an M4 Pro (macmon issue 66),
 *   PCPU and PCPU1 complexes; the efficiency cores take the E-core active residencies of
 *   powermetrics on an M1 Max (joularjx issue 51). GPU residency: macmon's M2 Ultra capture (issue 17).
 * - Memory: a complete vm_stat block (wazuh issue 22113).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { normalizeDarwin, type NativeDarwinSnapshot } from '../../src/core/darwin';
import { derive } from '../../src/core/derive';
import { jsonlLine } from '../../src/core/export';
import { parseIoregText } from '../../test/helpers/ioreg-text';
import { parseVmStat } from '../../test/helpers/vm-stat-text';
import type { IoReportState } from '../../src/shared/darwin/ioreport-residency';
import type { RawCpuTicks, RawSnapshot } from '../../src/shared/raw';
import type { Sample } from '../../src/shared/sample';
import { m4ProPmgr, macmonStates } from '../../test/helpers/macmon-capture';
import { HAVE_DARWIN_FIXTURES, fixtureText, smcRows } from '../../test/shared/darwin/fixtures';

export { HAVE_DARWIN_FIXTURES };
export const MAC_HOSTNAME = 'mac14-6-captures';
const FRAMES = 30;
const STEP_MS = 1000;
/** CLK_TCK on macOS (sysconf(_SC_CLK_TCK) = 100). */
const TICKS_PER_SECOND = 100;
const START_MS = Date.UTC(2025, 4, 10, 18, 29, 43); // the battery capture's UpdateTime (1778437783 s)

const notRecorded = (what: string) =>
  ({ ok: false, error: { reason: 'unavailable', message: `${what} (the Mac captures hold none)` } }) as const;

/** Share of a residency channel's ticks spent outside IDLE/DOWN/OFF: how busy that complex was. */
function activeShare(states: readonly IoReportState[]): number {
  const total = states.reduce((sum, s) => sum + s.ticks, 0);
  const idle = states.filter((s) => /^(IDLE|DOWN|OFF)$/.test(s.name)).reduce((sum, s) => sum + s.ticks, 0);
  return total > 0 ? (total - idle) / total : 0;
}

/** "CPU n active residency:  55.98%" lines of a powermetrics capture, as fractions. */
function powermetricsCoreShares(text: string): number[] {
  return [...text.matchAll(/^CPU \d+ active residency:\s+([\d.]+)%/gm)].map((m) => Number(m[1]) / 100);
}

const scaled = (states: readonly IoReportState[], k: number): IoReportState[] =>
  states.map((s) => ({ name: s.name, ticks: s.ticks * k }));

interface Sources {
  readonly coreShares: readonly number[];
  readonly m4: string;
  readonly ultra: string;
  readonly pmgr: Record<string, Uint8Array>;
}

function loadSources(): Sources {
  const m4 = fixtureText('ioreport/macmon66-m4pro-Mac16,8-macos27beta-debug.txt');
  const ultra = fixtureText('ioreport/macmon17-m2ultra-Mac14,14-macos15.2-debug.txt');
  const pcpu = activeShare(macmonStates(m4, 'PCPU'));
  const pcpu1 = activeShare(macmonStates(m4, 'PCPU1'));
  const eCores = powermetricsCoreShares(
    fixtureText('powermetrics/joularjx51-m1max-MacBookPro18,4-macos14.1-23B81.txt'),
  ).slice(0, 2);
  // 4 efficiency cores (two shares, each twice), then 5 + 5 performance cores (M4 Pro: 10 P + 4 E).
  const coreShares = [...eCores, ...eCores, ...Array(5).fill(pcpu), ...Array(5).fill(pcpu1)];
  const pmgr = m4ProPmgr(m4, fixtureText('ioreport/macmon68-m2ultra-debug.txt'));
  return { coreShares, m4, ultra, pmgr };
}

function coreTicks(share: number, seconds: number): RawCpuTicks {
  const busy = Math.round(share * seconds * TICKS_PER_SECOND);
  const all = seconds * TICKS_PER_SECOND;
  return { user: busy, nice: 0, system: 0, idle: all - busy, iowait: 0, irq: 0, softirq: 0, steal: 0 };
}

function sumTicks(cores: readonly RawCpuTicks[]): RawCpuTicks {
  const keys = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
  return Object.fromEntries(
    keys.map((k) => [k, cores.reduce((s, c) => s + c[k], 0)]),
  ) as unknown as RawCpuTicks;
}

function frame(k: number, src: Sources): NativeDarwinSnapshot {
  const smc = smcRows('ismc-full-m2max-Mac14,6.tsv').map((r) => ({
    key: r.key,
    type: r.type,
    bytes: r.bytes,
  }));
  const battery = parseIoregText(fixtureText('battery/whatcable95-m2max-Mac14,6-on-battery.txt'));
  const vm = parseVmStat(fixtureText('memory/wazuh22113-intel-4k-vm_stat-full.txt'));
  // The page states that partition memory (the capture's note: they add up to the 32 GiB machine).
  const c = vm.counters;
  const pages = c.free + c.active + c.inactive + c.throttled + c.wired + c.compressor;
  const seconds = 1000 + k; // counters since boot: any start works, only their steps matter
  const cores = src.coreShares.map((share) => coreTicks(share, seconds));
  const t = START_MS + k * STEP_MS;
  const load = Math.round(src.coreShares.reduce((sum, x) => sum + x, 0) * 100) / 100;
  return {
    t,
    mono: seconds * 1e9,
    host: {
      ok: true,
      value: {
        platform: 'darwin',
        arch: 'arm64',
        hostname: MAC_HOSTNAME,
        osName: 'macOS',
        osVersion: '15.2',
        kernel: '24.2.0',
        model: 'Mac14,6',
        bootTimeMs: t - seconds * 1000,
        uptimeSec: seconds,
      },
    },
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
        // Steady work: every load average approaches the busy share summed over the cores.
        loadAvg: [load, load, load],
        ticksPerSecond: TICKS_PER_SECOND,
        total: sumTicks(cores),
        cores,
      },
    },
    memory: {
      ok: true,
      value: {
        totalBytes: pages * vm.pageSize,
        freeBytes: 0,
        availableBytes: 0,
        usedBytes: 0,
        cachedBytes: 0,
        swapTotalBytes: 0,
        swapUsedBytes: 0,
      },
    },
    power: { ok: true, value: { source: 'unknown', adapters: [], batteries: [] } },
    thermal: { ok: true, value: { sensors: [], smc: smc.filter((r) => r.key.startsWith('T')) } },
    fans: { ok: true, value: { fans: [], smc: smc.filter((r) => r.key.startsWith('F')) } },
    rails: {
      ok: true,
      value: { rails: [], smc: smc.filter((r) => ['PSTR', 'PPBR', 'PDTR'].includes(r.key)) },
    },
    gpu: {
      ok: true,
      value: { gpus: [{ id: 'gpu0', vendor: 'apple', model: 'Apple M2 Max', coreCount: 38 }] },
    },
    network: notRecorded('network interfaces not recorded'),
    processes: notRecorded('process table not recorded'),
    disks: notRecorded('disks not recorded'),
    darwin: {
      appleSilicon: true,
      cpuBrand: 'Apple M4 Pro',
      vm: { pageSize: vm.pageSize, ...vm.counters },
      memoryPressureLevel: 1,
      pmgr: src.pmgr,
      cpuResidency: ['PCPU', 'PCPM'].map((channel) => ({
        group: 'CPU Stats',
        subgroup: 'CPU Complex Performance States',
        channel,
        states: scaled(macmonStates(src.m4, channel), k + 1),
      })),
      gpuResidency: [
        {
          group: 'GPU Stats',
          subgroup: 'GPU Performance States',
          channel: 'GPUPH',
          states: scaled(macmonStates(src.ultra, 'GPUPH'), k + 1),
        },
      ],
      batteries: [
        {
          ips: {
            Name: 'InternalBattery-0',
            'Current Capacity': battery['CurrentCapacity'] ?? 0,
            'Max Capacity': 100,
            'Is Charging': battery['IsCharging'] ?? false,
          },
          registry: battery,
        },
      ],
      providingSource: battery['ExternalConnected'] === false ? 'Battery Power' : 'AC Power',
      thermalPressureState: 0,
    },
  } as unknown as NativeDarwinSnapshot;
}

/** The recording's samples, oldest first. */
export function macSamples(): Sample[] {
  const src = loadSources();
  const out: Sample[] = [];
  let prev: RawSnapshot | undefined;
  for (let k = 0; k < FRAMES; k++) {
    const raw = normalizeDarwin(frame(k, src));
    out.push(derive(prev, raw));
    prev = raw;
  }
  return out;
}

/** Writes the recording to `path` (replacing it) and returns the number of samples. */
export function writeMacRecording(path: string): number {
  const samples = macSamples();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, samples.map((s) => jsonlLine(s)).join(''));
  return samples.length;
}
