/**
 * Synthetic Samples for the renderer's unit tests and benchmarks (test code only: the product never
 * shows these). Deterministic for a given index, shaped like a small laptop: 8 cores, one GPU,
 * a battery, two fans, a few temperature sensors, two interfaces and a process table of any size.
 */
import type { ProcessSample, Sample } from '../../src/shared/sample';

const wave = (i: number, period: number, lo: number, hi: number): number =>
  lo + ((hi - lo) * (1 + Math.sin((2 * Math.PI * i) / period))) / 2;

const usage = (busy: number) => ({
  user: busy * 0.7,
  nice: 0,
  system: busy * 0.3,
  idle: 100 - busy,
  iowait: 0,
  irq: 0,
  softirq: 0,
  steal: 0,
  busy,
});
/** An interface with zero counters and the given rates (the dashboard draws the rates). */
function syntheticInterface(
  name: string,
  kind: 'loopback' | 'wireless',
  rxBytesPerSec: number,
  txBytesPerSec: number,
) {
  return {
    name,
    kind,
    up: true,
    addresses: [],
    rxBytes: 0,
    txBytes: 0,
    rxPackets: 0,
    txPackets: 0,
    rxErrors: 0,
    txErrors: 0,
    rxDrops: 0,
    txDrops: 0,
    rxBytesPerSec,
    txBytesPerSec,
  };
}

const zeroTimes = { user: 0, nice: 0, system: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0 };

/** A process tree: init → a few services → many workers, with names worth filtering for. */
export function syntheticProcesses(count: number, i: number): ProcessSample[] {
  const out: ProcessSample[] = [];
  for (let k = 0; k < count; k += 1) {
    const pid = k + 1;
    const ppid = k === 0 ? 0 : k < 20 ? 1 : 2 + (k % 18);
    const name =
      k === 0 ? 'init' : k < 20 ? `service-${k}` : k % 97 === 0 ? `chromium-renderer-${k}` : `worker-${k}`;
    out.push({
      pid,
      ppid,
      name,
      path: `/usr/bin/${name}`,
      user: k % 3 === 0 ? 'root' : 'alice',
      uid: k % 3 === 0 ? 0 : 1000,
      state: 'S',
      threads: 1 + (k % 7),
      startTimeMs: 1_700_000_000_000 + k,
      cpuTimeNs: k * 1e6,
      rssBytes: (1 + (k % 50)) * 1_048_576,
      virtualBytes: (4 + (k % 50)) * 1_048_576,
      kernelThread: false,
      cpuPercent: wave(i + k, 30, 0, k % 13 === 0 ? 40 : 2),
      memPercent: ((1 + (k % 50)) * 1_048_576 * 100) / 16 / 1024 ** 3,
    });
  }
  return out;
}

export function syntheticSample(i: number, t: number, processCount = 60): Sample {
  const busy = wave(i, 40, 8, 85);
  const processes = syntheticProcesses(processCount, i);
  return {
    t,
    mono: i * 1e9,
    intervalMs: 1000,
    host: {
      ok: true,
      value: {
        platform: 'linux',
        arch: 'x64',
        hostname: 'test-laptop',
        osName: 'Debian GNU/Linux 13',
        osVersion: '13',
        kernel: '6.12.0',
        bootTimeMs: t - 3_600_000,
        uptimeSec: 3600 + i,
      },
    },
    cpu: {
      ok: true,
      value: {
        model: 'Synthetic CPU @ 2.40GHz',
        arch: 'x64',
        physicalCores: 4,
        logicalCores: 8,
        perfLevels: [],
        loadAvg: [busy / 25, busy / 30, busy / 35],
        usage: usage(busy),
        cores: Array.from({ length: 8 }, (_, c) => ({
          id: c,
          usage: usage(wave(i + c * 5, 20, 2, 95)),
          mhz: 2400 + c * 50,
        })),
        secondsTotal: zeroTimes,
        coreSecondsTotal: Array.from({ length: 8 }, () => zeroTimes),
      },
    },
    memory: {
      ok: true,
      value: {
        totalBytes: 16 * 1024 ** 3,
        freeBytes: 4 * 1024 ** 3,
        availableBytes: 7 * 1024 ** 3,
        usedBytes: 9 * 1024 ** 3 + wave(i, 60, 0, 1024 ** 3),
        cachedBytes: 3 * 1024 ** 3,
        swapTotalBytes: 2 * 1024 ** 3,
        swapUsedBytes: 256 * 1024 ** 2,
        usedPercent: (100 * (9 * 1024 ** 3 + wave(i, 60, 0, 1024 ** 3))) / (16 * 1024 ** 3),
        swapUsedPercent: 12.5,
        pressure: 'normal',
      },
    },
    power: {
      ok: true,
      value: {
        source: 'battery',
        adapters: [{ id: 'AC', kind: 'Mains', online: false }],
        batteries: [
          {
            id: 'BAT0',
            percent: 80 - (i % 600) / 20,
            state: 'discharging',
            minutesToEmpty: 190,
            cycleCount: 312,
            energyFullWh: 48.2,
            energyDesignWh: 56,
            powerW: -wave(i, 50, 6, 14),
            healthPercent: 86.1,
          },
        ],
      },
    },
    thermal: {
      ok: true,
      value: {
        sensors: [
          {
            id: 'coretemp/temp1',
            chip: 'platform_coretemp_0',
            sensor: 'temp1',
            kind: 'hwmon',
            label: 'Package id 0',
            celsius: wave(i, 40, 45, 78),
            critC: 100,
            group: 'cpu',
          },
          {
            id: 'coretemp/temp2',
            chip: 'platform_coretemp_0',
            sensor: 'temp2',
            kind: 'hwmon',
            label: 'Core 0',
            celsius: wave(i + 3, 40, 44, 76),
            group: 'cpu',
          },
          {
            id: 'nvme/temp1',
            chip: 'nvme_0',
            sensor: 'temp1',
            kind: 'hwmon',
            label: 'Composite',
            celsius: 38.9,
            group: 'storage',
          },
          {
            id: 'acpitz/temp1',
            chip: 'thermal_zone0',
            sensor: 'temp1',
            kind: 'thermal-zone',
            celsius: 41,
            group: 'other',
          },
        ],
      },
    },
    fans: {
      ok: true,
      value: {
        fans: [
          {
            id: 'fan1',
            chip: 'thinkpad',
            sensor: 'fan1',
            label: 'CPU fan',
            rpm: wave(i, 40, 1900, 4200),
            maxRpm: 5500,
          },
          {
            id: 'fan2',
            chip: 'thinkpad',
            sensor: 'fan2',
            label: 'GPU fan',
            rpm: wave(i + 10, 40, 1700, 3800),
            maxRpm: 5500,
          },
        ],
      },
    },
    gpu: {
      ok: true,
      value: {
        gpus: [
          { id: 'card0', model: 'Synthetic iGPU', vendor: 'intel', utilizationPercent: wave(i, 25, 0, 60) },
        ],
      },
    },
    rails: { ok: false, error: { reason: 'unsupported', message: 'No power rails on this machine' } },
    disks: {
      ok: true,
      value: {
        mounts: [
          {
            mount: '/',
            device: '/dev/nvme0n1p2',
            fsType: 'ext4',
            totalBytes: 500e9,
            usedBytes: 210e9,
            availableBytes: 290e9,
            usedPercent: 42,
          },
        ],
        devices: [
          {
            name: 'nvme0n1',
            readBytes: 0,
            writeBytes: 0,
            readOps: 0,
            writeOps: 0,
            readBytesPerSec: wave(i, 15, 0, 8e6),
            writeBytesPerSec: wave(i + 7, 15, 0, 3e6),
          },
        ],
      },
    },
    network: {
      ok: true,
      value: {
        interfaces: [
          syntheticInterface('lo', 'loopback', 1000, 1000),
          syntheticInterface('wlan0', 'wireless', wave(i, 12, 2e3, 2.5e6), wave(i + 4, 12, 1e3, 4e5)),
        ],
      },
    },
    processes: { ok: true, value: { count: processes.length, processes } },
  };
}
