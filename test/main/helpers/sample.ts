// Small but complete Sample values for main-process tests (typed, no casts).
import { fail, ok } from '../../../src/shared/metric-result';
import type { CpuSample, Sample } from '../../../src/shared/sample';

const zeroModes = { user: 0, nice: 0, system: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0 };

export function cpu(busy: number | undefined): CpuSample {
  return {
    model: 'Test CPU',
    arch: 'x64',
    physicalCores: 1,
    logicalCores: 1,
    perfLevels: [],
    loadAvg: [0, 0, 0],
    ...(busy === undefined ? {} : { usage: { ...zeroModes, idle: 100 - busy, busy } }),
    cores: [],
    secondsTotal: zeroModes,
    coreSecondsTotal: [],
  };
}

/** A laptop-like sample: 12.4 % busy, CPU 61.6 °C, battery 87 % discharging with 125 min left. */
export function laptopSample(t = 1_700_000_000_000): Sample {
  return {
    t,
    mono: t * 1e6,
    intervalMs: 2000,
    cpu: ok(cpu(12.4)),
    thermal: ok({
      sensors: [
        {
          id: 'coretemp/temp1',
          chip: 'coretemp',
          sensor: 'temp1',
          kind: 'hwmon',
          celsius: 61.6,
          group: 'cpu',
        },
        { id: 'coretemp/temp2', chip: 'coretemp', sensor: 'temp2', kind: 'hwmon', celsius: 55, group: 'cpu' },
        { id: 'nvme/temp1', chip: 'nvme', sensor: 'temp1', kind: 'hwmon', celsius: 70, group: 'storage' },
      ],
    }),
    power: ok({
      source: 'battery',
      adapters: [],
      batteries: [{ id: 'BAT0', percent: 87, state: 'discharging', minutesToEmpty: 125 }],
    }),
    network: ok({
      interfaces: [
        iface('lo', 'loopback', 5e6),
        iface('wlan0', 'wireless', 1536),
        iface('docker0', 'virtual', 9e6),
      ],
    }),
    fans: ok({ fans: [{ id: 'f/1', chip: 'f', sensor: 'fan1', rpm: 2400.4 }] }),
    gpu: fail('unsupported', 'no GPU driver exposes utilization'),
  };
}

function iface(name: string, kind: 'loopback' | 'wireless' | 'virtual', rate: number) {
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
    rxBytesPerSec: rate,
    txBytesPerSec: rate / 2,
  };
}
