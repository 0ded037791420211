/**
 * A hand-built Sample with every section filled, for exporter tests. Values are modelled on the
 * node_exporter fixture tree (../shared/fixtures/linux/node-exporter): BAT0 "LNV-45N1\uFFFD\uFFFD" at 81 %,
 * coretemp at 55 °C, applesmc fans. Process names are hostile on purpose.
 */
import type { ProcessSample, Sample } from '../../../src/shared/sample';

const ticks = (user: number, idle: number) => ({
  user,
  nice: 0.19,
  system: 210.45,
  idle,
  iowait: 2.2,
  irq: 0.01,
  softirq: 34.1,
  steal: 0,
});
const usage = (busy: number) => ({
  user: busy - 5,
  nice: 0,
  system: 5,
  idle: 100 - busy,
  iowait: 0,
  irq: 0,
  softirq: 0,
  steal: 0,
  busy,
});

export const HOSTILE_NAMES = [
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '-2+3',
  '@evil',
  '\tTabbed',
  '\rCarriage',
  'quote"comma,name',
  'new\nline',
  'back\\slash',
  'emoji 🐍 ünïcødé',
  'lone \uD800 surrogate',
  'space name',
  'k=v,x y',
];

function proc(i: number, name: string): ProcessSample {
  return {
    pid: 100 + i,
    ppid: 1,
    name,
    path: `/usr/bin/${name}`,
    user: 'root',
    uid: 0,
    state: 'S',
    threads: 1 + i,
    startTimeMs: 1_700_000_000_000 + i,
    cpuTimeNs: (i + 1) * 1.5e9,
    rssBytes: (i + 1) * 1_048_576,
    virtualBytes: (i + 1) * 4_194_304,
    kernelThread: false,
    cpuPercent: 50 - i * 3,
    memPercent: i * 0.5,
  };
}

export function fullSample(t = 1_764_000_000_000): Sample {
  return {
    t,
    mono: 123_456_789_000,
    intervalMs: 1000,
    host: {
      ok: true,
      value: {
        platform: 'linux',
        arch: 'x64',
        hostname: 'test-host',
        osName: 'Debian GNU/Linux 12 (bookworm)',
        osVersion: '12',
        kernel: '6.1.0-18-amd64',
        model: 'ThinkPad "X1"',
        bootTimeMs: 1_418_183_276_000,
        uptimeSec: 12345.5,
      },
    },
    cpu: {
      ok: true,
      value: {
        model: 'Intel(R) Core(TM) i7-4800MQ CPU @ 2.70GHz',
        arch: 'x64',
        physicalCores: 2,
        logicalCores: 2,
        perfLevels: [],
        loadAvg: [0.21, 0.37, 0.39],
        usage: usage(25),
        cores: [
          { id: 0, usage: usage(30), mhz: 1699.981, secondsTotal: ticks(444.9, 10870.69) },
          { id: 1, usage: usage(20), mhz: 1700, secondsTotal: ticks(478.69, 11107.87) },
        ],
        clusters: [{ name: 'PCPM', mhz: 3204, activePercent: 12.5 }],
        secondsTotal: ticks(923.59, 21978.56),
        coreSecondsTotal: [ticks(444.9, 10870.69), ticks(478.69, 11107.87)],
      },
    },
    memory: {
      ok: true,
      value: {
        totalBytes: 15_666_184_192,
        freeBytes: 2_000_000_000,
        availableBytes: 8_000_000_000,
        usedBytes: 7_666_184_192,
        cachedBytes: 5_000_000_000,
        buffersBytes: 400_000_000,
        swapTotalBytes: 8_000_000_000,
        swapUsedBytes: 1_000_000,
        usedPercent: 48.93,
        swapUsedPercent: 0.0125,
        pressure: 'normal',
        psi: {
          some: { avg10: 0, avg60: 0, avg300: 0, totalUs: 1_500_000 },
          full: { avg10: 0, avg60: 0, avg300: 0, totalUs: 500_000 },
        },
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
            percent: 81,
            state: 'discharging',
            minutesToEmpty: 438,
            cycleCount: 0,
            energyNowWh: 36.58,
            energyFullWh: 45.07,
            energyDesignWh: 47.52,
            voltageV: 11.66,
            voltageMinDesignV: 10.8,
            powerW: -5.002,
            manufacturer: 'LGC',
            model: 'LNV-45N1\uFFFD\uFFFD',
            technology: 'Li-ion',
            healthPercent: 94.84,
          },
        ],
        thermalPressure: 'nominal',
      },
    },
    thermal: {
      ok: true,
      value: {
        sensors: [
          {
            id: 'platform_coretemp_0/temp1',
            chip: 'platform_coretemp_0',
            sensor: 'temp1',
            kind: 'hwmon',
            label: 'Physical id 0',
            celsius: 55,
            maxC: 84,
            critC: 100,
            group: 'cpu',
          },
          {
            id: 'platform_coretemp_0/temp2',
            chip: 'platform_coretemp_0',
            sensor: 'temp2',
            kind: 'hwmon',
            label: 'Core 0',
            celsius: 54,
            group: 'cpu',
          },
          {
            id: 'thermal_zone0/temp',
            chip: 'thermal_zone0',
            sensor: '0',
            kind: 'thermal-zone',
            zoneType: 'bogus',
            celsius: 12.376,
            group: 'other',
          },
          {
            id: 'smc/Tp01',
            chip: 'smc',
            sensor: 'Tp01',
            kind: 'smc',
            label: 'CPU "P" core\\1',
            celsius: 48.5,
            group: 'cpu',
          },
        ],
      },
    },
    fans: {
      ok: true,
      value: {
        fans: [
          {
            id: 'platform_applesmc_768/fan1',
            chip: 'platform_applesmc_768',
            sensor: 'fan1',
            label: 'Left side',
            rpm: 0,
            minRpm: 2000,
            maxRpm: 6000,
          },
          {
            id: 'platform_applesmc_768/fan2',
            chip: 'platform_applesmc_768',
            sensor: 'fan2',
            label: 'Right side',
            rpm: 1998,
            minRpm: 2000,
            maxRpm: 6000,
          },
        ],
      },
    },
    gpu: {
      ok: true,
      value: {
        gpus: [
          {
            id: 'card0',
            model: 'Navi 10',
            vendor: 'amd',
            driver: 'amdgpu',
            busyPercent: 4,
            utilizationPercent: 4,
            memoryUsedBytes: 173_301_760,
            memoryTotalBytes: 8_573_157_376,
            temperatureC: 46,
          },
        ],
      },
    },
    rails: {
      ok: true,
      value: {
        rails: [
          { name: 'package-0', energyJ: 24468.409791, watts: 7.5 },
          { name: 'core', energyJ: 17000.25 },
        ],
        systemW: 12.5,
        batteryW: 5.002,
      },
    },
    disks: {
      ok: true,
      value: {
        mounts: [
          {
            mount: '/',
            device: '/dev/sda1',
            fsType: 'ext4',
            totalBytes: 100_000_000_000,
            usedBytes: 40_000_000_000,
            availableBytes: 55_000_000_000,
            readOnly: false,
            usedPercent: 40,
          },
        ],
        devices: [
          {
            name: 'sda',
            readBytes: 5_000_000_000,
            writeBytes: 3_000_000_000,
            readOps: 25_354_637,
            writeOps: 28_444_756,
            readTimeMs: 34_367_663,
            writeTimeMs: 1_536_081_590,
            ioTimeMs: 68_880_800,
            readBytesPerSec: 1024,
            writeBytesPerSec: 2048,
          },
        ],
      },
    },
    network: {
      ok: true,
      value: {
        interfaces: [
          {
            name: 'eth0',
            kind: 'ethernet',
            up: true,
            operstate: 'up',
            mac: '01:01:01:01:01:01',
            mtu: 1500,
            speedMbps: 1000,
            addresses: [{ family: 'ipv4', address: '192.0.2.10' }],
            rxBytes: 68_210_035_552,
            txBytes: 9_315_587_528,
            rxPackets: 55_350_045,
            txPackets: 21_344_543,
            rxErrors: 0,
            txErrors: 0,
            rxDrops: 0,
            txDrops: 0,
            rxBytesPerSec: 1500.5,
            txBytesPerSec: 300,
          },
        ],
      },
    },
    processes: {
      ok: true,
      value: { count: HOSTILE_NAMES.length, processes: HOSTILE_NAMES.map((n, i) => proc(i, n)) },
    },
  };
}

/** A sample where some sections failed, to check that errors are reported, never invented. */
export function partialSample(): Sample {
  const full = fullSample();
  return {
    t: full.t,
    mono: full.mono,
    cpu: full.cpu!,
    memory: full.memory!,
    fans: { ok: false, error: { reason: 'unsupported', message: 'no fans on this machine' } },
    gpu: { ok: false, error: { reason: 'permission', message: 'NVML: insufficient permissions' } },
  };
}
