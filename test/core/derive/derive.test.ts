import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive/derive';
import { fail, ok } from '../../../src/shared/metric-result';
import type { RawBattery, RawDisks, RawInterface, RawRails } from '../../../src/shared/raw';
import { rawCpu, rawMemory, rawProcesses, snap, ticks } from '../raw-builders';

function value<T>(r: { ok: true; value: T } | { ok: false } | undefined): T {
  if (!r?.ok) throw new Error('expected an ok section');
  return r.value;
}

describe('derive: clock and sections', () => {
  it('has no rates on the first sample, and an interval from the monotonic clock after', () => {
    const a = snap(10, { cpu: ok(rawCpu(ticks({ user: 100, idle: 900 }))) });
    const b = { ...snap(12, { cpu: ok(rawCpu(ticks({ user: 150, idle: 1050 }))) }), t: 0 };
    expect(value(derive(undefined, a).cpu).usage).toBeUndefined();
    const s = derive(a, b);
    expect(s.intervalMs).toBe(2000);
    expect(s.t).toBe(0); // the wall clock is carried, not used
    expect(value(s.cpu).usage?.user).toBeCloseTo(25);
  });

  it('gives no rates when the monotonic clock did not advance', () => {
    const a = snap(10, { cpu: ok(rawCpu(ticks({ user: 100, idle: 900 }))), network: ok({ interfaces: [] }) });
    const s = derive(a, a);
    expect(s.intervalMs).toBeUndefined();
    expect(value(s.cpu).usage).toBeUndefined(); // no tick elapsed: no shares
    const b = snap(9, { rails: ok({ rails: [{ name: 'cpu', energyJ: 10 }] }) });
    const c = snap(8, { rails: ok({ rails: [{ name: 'cpu', energyJ: 20 }] }) });
    expect(value(derive(b, c).rails).rails[0]?.watts).toBeUndefined(); // the clock went backwards: no rate
  });

  it('passes a failed section through as the same error result', () => {
    const error = fail('permission', 'SMC closed');
    const s = derive(undefined, snap(1, { thermal: error, fans: error }));
    expect(s.thermal).toBe(error);
    expect(s.fans).toBe(error);
    expect(s.cpu).toBeUndefined();
  });

  it('turns malformed section data into a section error, not a throw', () => {
    const s = derive(
      undefined,
      snap(1, { cpu: ok(rawCpu(ticks(), [ticks()], { ticksPerSecond: 0 })), memory: ok(rawMemory()) }),
    );
    expect(s.cpu).toMatchObject({ ok: false, error: { reason: 'failed' } });
    expect(s.memory?.ok).toBe(true);
  });

  it('throws on arguments that are not snapshots, naming them', () => {
    expect(() => derive(undefined, { t: 0, mono: NaN })).toThrow(/cur\.mono/);
    expect(() => derive({ t: 0, mono: Infinity }, { t: 0, mono: 1 })).toThrow(/prev\.mono/);
  });
});

describe('derive: cpu', () => {
  const prev = rawCpu(ticks({ user: 100, system: 50, idle: 800, iowait: 50 }), [
    ticks({ user: 60, idle: 400 }),
    ticks({ user: 40, system: 50, idle: 400, iowait: 50 }),
  ]);
  const cur = rawCpu(ticks({ user: 160, system: 70, idle: 900, iowait: 70 }), [
    ticks({ user: 120, idle: 440 }),
    ticks({ user: 40, system: 70, idle: 460, iowait: 70 }),
  ]);

  it('splits total and per-core time into shares that add up to 100', () => {
    const cpu = value(derive(snap(0, { cpu: ok(prev) }), snap(1, { cpu: ok(cur) })).cpu);
    expect(cpu.usage).toMatchObject({ user: 30, system: 10, idle: 50, iowait: 10, busy: 40 });
    expect(cpu.cores[0]?.usage?.user).toBeCloseTo(60);
    expect(cpu.cores[0]?.usage?.busy).toBeCloseTo(60);
    expect(cpu.cores[1]?.usage?.busy).toBeCloseTo(20);
    for (const core of cpu.cores) {
      const u = core.usage;
      expect(u).toBeDefined();
      if (!u) continue;
      expect(u.user + u.nice + u.system + u.idle + u.iowait + u.irq + u.softirq + u.steal).toBeCloseTo(100);
    }
  });

  it('reports cumulative seconds per mode from ticks / ticksPerSecond', () => {
    const cpu = value(derive(undefined, snap(0, { cpu: ok(cur) })).cpu);
    expect(cpu.secondsTotal.user).toBe(1.6);
    expect(cpu.coreSecondsTotal[1]?.iowait).toBe(0.7);
  });

  it('gives no usage for a core whose counters went backwards, or when cores were hot-plugged', () => {
    const reset = rawCpu(cur.total, [ticks({ user: 1, idle: 2 }), cur.cores[1] ?? ticks()]);
    const cpu = value(derive(snap(0, { cpu: ok(prev) }), snap(1, { cpu: ok(reset) })).cpu);
    expect(cpu.cores[0]?.usage).toBeUndefined();
    expect(cpu.cores[1]?.usage).toBeDefined();
    const plugged = rawCpu(cur.total, [...cur.cores, ticks({ idle: 5 })]);
    const cpu2 = value(derive(snap(0, { cpu: ok(prev) }), snap(1, { cpu: ok(plugged) })).cpu);
    expect(cpu2.cores.every((c) => c.usage === undefined)).toBe(true);
    expect(cpu2.usage).toBeDefined();
  });

  it('maps cores to performance levels and carries frequencies', () => {
    const levels = [
      { name: 'Performance', logicalCores: 1, cpus: [1] },
      { name: 'Efficiency', logicalCores: 1, cpus: [0] },
    ];
    const cpu = value(
      derive(undefined, snap(0, { cpu: ok({ ...cur, perfLevels: levels, coreMhz: [null, 3200] }) })).cpu,
    );
    const { secondsTotal: _s0, ...core0 } = cpu.cores[0]!;
    const { secondsTotal: _s1, ...core1 } = cpu.cores[1]!;
    expect(core0).toEqual({ id: 0, perfLevel: 1 });
    expect(core1).toEqual({ id: 1, perfLevel: 0, mhz: 3200 });
    expect(cpu.cores[1]?.secondsTotal).toBe(cpu.coreSecondsTotal[1]);
  });
});

describe('derive: memory', () => {
  it('computes used and swap shares and keeps the OS pressure level', () => {
    const m = value(
      derive(undefined, snap(0, { memory: ok(rawMemory({ pressureLevel: 'warning' })) })).memory,
    );
    expect(m.usedPercent).toBe(50);
    expect(m.swapUsedPercent).toBe(25);
    expect(m).toMatchObject({ pressure: 'warning', pressureSource: 'os' });
  });

  it('derives Linux pressure from PSI with the documented thresholds', () => {
    const line = (avg10: number) => ({ avg10, avg60: 0, avg300: 0, totalUs: 0 });
    const level = (some: number, full?: number) =>
      value(
        derive(
          undefined,
          snap(0, {
            memory: ok(
              rawMemory({
                psi: full === undefined ? { some: line(some) } : { some: line(some), full: line(full) },
              }),
            ),
          }),
        ).memory,
      ).pressure;
    expect(level(0.5, 0)).toBe('normal');
    expect(level(9.99, 0)).toBe('normal');
    expect(level(10, 2)).toBe('warning');
    expect(level(30, 7)).toBe('critical');
    expect(level(50)).toBe('warning');
  });

  it('says when no pressure source exists, and handles no swap', () => {
    const m = value(
      derive(undefined, snap(0, { memory: ok(rawMemory({ swapTotalBytes: 0, swapUsedBytes: 0 })) })).memory,
    );
    expect(m.pressure).toBeUndefined();
    expect(m.pressureSource).toBeUndefined();
    expect(m.swapUsedPercent).toBe(0);
  });
});

describe('derive: processes', () => {
  const memory = ok(rawMemory({ totalBytes: 1e9 }));
  const cpu = ok(rawCpu(ticks(), [ticks(), ticks()]));

  it('gives CPU % with 100 % = one core, and memory %', () => {
    const a = snap(0, {
      memory,
      cpu,
      processes: ok(rawProcesses([{ pid: 10, cpuTimeNs: 1e9, rssBytes: 1e8 }])),
    });
    const b = snap(2, {
      memory,
      cpu,
      processes: ok(rawProcesses([{ pid: 10, cpuTimeNs: 4e9, rssBytes: 1e8 }])),
    });
    const p = value(derive(a, b).processes).processes[0];
    expect(p?.cpuPercent).toBeCloseTo(150);
    expect(p?.memPercent).toBeCloseTo(10);
    expect(value(derive(undefined, b).processes).processes[0]?.cpuPercent).toBeUndefined();
  });

  it('carries an unknown thread count (-1 in the raw column) as NaN, never as 0 threads', () => {
    const raw = rawProcesses([{ pid: 10 }, { pid: 11 }]);
    raw.threads[0] = -1;
    raw.threads[1] = 7;
    const [a, b] = value(derive(undefined, snap(0, { processes: ok(raw) })).processes).processes;
    expect(a?.threads).toBeNaN();
    expect(b?.threads).toBe(7);
  });

  it('gives no CPU % for a reused pid (other start time) or CPU time that went backwards', () => {
    const a = snap(0, {
      processes: ok(
        rawProcesses([
          { pid: 10, cpuTimeNs: 5e9 },
          { pid: 11, cpuTimeNs: 5e9 },
        ]),
      ),
    });
    const b = snap(1, {
      processes: ok(
        rawProcesses([
          { pid: 10, cpuTimeNs: 6e9, startTimeMs: 1_700_000_100_000 },
          { pid: 11, cpuTimeNs: 1e9 },
        ]),
      ),
    });
    const ps = value(derive(a, b).processes).processes;
    expect(ps[0]?.cpuPercent).toBeUndefined();
    expect(ps[1]?.cpuPercent).toBeUndefined();
  });

  it('matches by pid alone where the platform gives no start times', () => {
    const a = snap(0, {
      processes: ok(
        rawProcesses([
          { pid: 4, cpuTimeNs: 0, startTimeMs: NaN },
          { pid: 5, startTimeMs: NaN },
        ]),
      ),
    });
    const b = snap(1, {
      processes: ok(
        rawProcesses([
          { pid: 4, cpuTimeNs: 5e8, startTimeMs: NaN },
          { pid: 5, startTimeMs: 9 },
        ]),
      ),
    });
    const ps = value(derive(a, b).processes).processes;
    expect(ps[0]?.cpuPercent).toBeCloseTo(50);
    expect(ps[1]?.cpuPercent).toBeUndefined(); // known on one side only: not the same process
  });

  it('never reports more than every core, and drops impossible values', () => {
    const a = snap(0, {
      cpu,
      processes: ok(
        rawProcesses([
          { pid: 1, cpuTimeNs: 0 },
          { pid: 2, cpuTimeNs: 0 },
        ]),
      ),
    });
    const b = snap(1, {
      cpu,
      processes: ok(
        rawProcesses([
          { pid: 1, cpuTimeNs: 2.05e9 },
          { pid: 2, cpuTimeNs: 9e9 },
        ]),
      ),
    });
    const ps = value(derive(a, b).processes).processes;
    expect(ps[0]?.cpuPercent).toBe(200);
    expect(ps[1]?.cpuPercent).toBeUndefined();
  });

  it('rejects columns shorter than the count as a section error', () => {
    const bad = { ...rawProcesses([{ pid: 1 }]), count: 2 };
    expect(derive(undefined, snap(0, { processes: ok(bad) })).processes).toMatchObject({ ok: false });
  });

  it('gives disk bytes/s where the platform reports them', () => {
    const a = snap(0, { processes: ok(rawProcesses([{ pid: 3, diskReadBytes: 100, diskWriteBytes: 0 }])) });
    const b = snap(2, { processes: ok(rawProcesses([{ pid: 3, diskReadBytes: 500, diskWriteBytes: 10 }])) });
    expect(value(derive(a, b).processes).processes[0]).toMatchObject({
      diskReadBytesPerSec: 200,
      diskWriteBytesPerSec: 5,
    });
    const c = snap(2, { processes: ok(rawProcesses([{ pid: 3 }])) });
    expect(value(derive(a, c).processes).processes[0]?.diskReadBytesPerSec).toBeUndefined();
  });
});

function iface(name: string, rx: number, tx: number): RawInterface {
  return {
    name,
    kind: 'ethernet',
    up: true,
    addresses: [],
    rxBytes: rx,
    txBytes: tx,
    rxPackets: rx / 100,
    txPackets: tx / 100,
    rxErrors: 0,
    txErrors: 0,
    rxDrops: 0,
    txDrops: 0,
  };
}

describe('derive: network and disks', () => {
  it('gives bytes/s and packets/s per interface, and none after a counter reset', () => {
    const a = snap(0, { network: ok({ interfaces: [iface('eth0', 1000, 2000), iface('wlan0', 5e6, 5e6)] }) });
    const b = snap(4, {
      network: ok({ interfaces: [iface('eth0', 5000, 2000), iface('wlan0', 100, 200), iface('tun0', 1, 1)] }),
    });
    const [eth, wlan, tun] = value(derive(a, b).network).interfaces;
    expect(eth).toMatchObject({ rxBytesPerSec: 1000, txBytesPerSec: 0, rxPacketsPerSec: 10 });
    expect(wlan?.rxBytesPerSec).toBeUndefined();
    expect(tun?.rxBytesPerSec).toBeUndefined();
  });

  it('gives disk rates, busy % from io time, and df-style mount usage', () => {
    const disks = (readBytes: number, ioTimeMs: number): RawDisks => ({
      mounts: [
        {
          mount: '/',
          device: '/dev/sda1',
          fsType: 'ext4',
          totalBytes: 100,
          usedBytes: 76,
          availableBytes: 19,
        },
      ],
      devices: [{ name: 'sda', readBytes, writeBytes: 0, readOps: readBytes / 512, writeOps: 0, ioTimeMs }],
    });
    const s = derive(snap(0, { disks: ok(disks(0, 0)) }), snap(2, { disks: ok(disks(1024, 500)) }));
    const d = value(s.disks);
    expect(d.devices[0]).toMatchObject({ readBytesPerSec: 512, readOpsPerSec: 1, busyPercent: 25 });
    expect(d.mounts[0]?.usedPercent).toBe(80); // 76 / (76 + 19), as df prints it
    const full = derive(snap(0, { disks: ok(disks(0, 0)) }), snap(1, { disks: ok(disks(0, 1050)) }));
    expect(value(full.disks).devices[0]?.busyPercent).toBe(100);
  });

  it('gives no usage share for a filesystem that reports no size, rather than 0 %', () => {
    const empty: RawDisks = {
      mounts: [
        {
          mount: '/net',
          device: 'auto.net',
          fsType: 'autofs',
          totalBytes: 0,
          usedBytes: 0,
          availableBytes: 0,
        },
      ],
      devices: [],
    };
    const m = value(derive(undefined, snap(0, { disks: ok(empty) })).disks).mounts[0];
    expect(m?.mount).toBe('/net');
    expect(m?.usedPercent).toBeUndefined();
  });
});

describe('derive: power, rails, gpu', () => {
  const battery: RawBattery = {
    id: 'BAT0',
    state: 'discharging',
    energyNowWh: 40,
    energyFullWh: 45,
    energyDesignWh: 50,
    voltageV: 12,
    currentA: -1.5,
  };

  it('computes battery health, power from V × A, and charge % from energy', () => {
    const p = value(
      derive(undefined, snap(0, { power: ok({ source: 'battery', adapters: [], batteries: [battery] }) }))
        .power,
    );
    expect(p.batteries[0]).toMatchObject({ healthPercent: 90, powerW: -18 });
    expect(p.batteries[0]?.percent).toBeCloseTo(88.89, 1);
  });

  it('prefers the reported power and charge-based health when energy is absent', () => {
    const b: RawBattery = {
      id: 'InternalBattery-0',
      state: 'charging',
      chargeFullAh: 4.123,
      chargeDesignAh: 4.203,
      powerW: 7,
      percent: 50,
    };
    const p = value(
      derive(undefined, snap(0, { power: ok({ source: 'ac', adapters: [], batteries: [b] }) })).power,
    );
    expect(p.batteries[0]?.healthPercent).toBeCloseTo(98.1, 1);
    expect(p.batteries[0]).toMatchObject({ powerW: 7, percent: 50 });
  });

  it('turns rail energy into watts, undoing a RAPL wrap', () => {
    const rails = (cpuJ: number, gpuJ: number): RawRails => ({
      rails: [
        { name: 'package-0', energyJ: cpuJ, wrapJ: 262143.32885 },
        { name: 'gpu', energyJ: gpuJ },
      ],
      systemW: 12,
    });
    const s = derive(
      snap(0, { rails: ok(rails(262_140, 100)) }),
      snap(2, { rails: ok(rails(16.67115, 50)) }),
    );
    const r = value(s.rails);
    expect(r.rails[0]?.watts).toBeCloseTo(10, 6);
    expect(r.rails[1]?.watts).toBeUndefined(); // no wrap range known: a reset
    expect(r.systemW).toBe(12);
  });

  it('uses GPU residency where present, else the driver busy %', () => {
    const gpu = (active: number[], idle: number) => ({
      id: 'gpu0',
      busyPercent: 77,
      residency: { stateMhz: [400, 800], activeTicks: active, idleTicks: idle },
    });
    const a = snap(0, { gpu: ok({ gpus: [gpu([0, 0], 0), { id: 'card1', busyPercent: 12 }] }) });
    const b = snap(1, { gpu: ok({ gpus: [gpu([100, 300], 600), { id: 'card1', busyPercent: 130 }] }) });
    const [g0, g1] = value(derive(a, b).gpu).gpus;
    expect(g0).toMatchObject({ utilizationPercent: 40, frequencyMhz: 700 });
    expect(g1?.utilizationPercent).toBe(100);
    expect(value(derive(undefined, a).gpu).gpus[0]?.utilizationPercent).toBe(77);
  });
});

describe('derive: thermal', () => {
  it('groups sensors', () => {
    const s = derive(
      undefined,
      snap(0, {
        thermal: ok({
          sensors: [
            {
              id: 'platform_coretemp_0/temp1',
              chip: 'platform_coretemp_0',
              sensor: 'temp1',
              kind: 'hwmon',
              label: 'Package id 0',
              celsius: 55,
            },
            { id: 'smc/TB0T', chip: 'smc', sensor: 'TB0T', kind: 'smc', celsius: 30 },
          ],
        }),
      }),
    );
    expect(value(s.thermal).sensors.map((x) => x.group)).toEqual(['cpu', 'battery']);
  });
});
