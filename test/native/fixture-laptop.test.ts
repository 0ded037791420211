// Our own fixture tree (test/fixtures/linux/laptop) for what node_exporter's trees lack: charge_*
// and energy_* batteries side by side, a USB-C adapter, proc/net/dev, an active and a
// runtime-suspended amdgpu card, hybrid cores, nasty process names, garbage and empty sensor files,
// no proc/pressure.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import type { RawSections, RawSnapshot } from '../../src/shared/raw';
import { fixtureRoot } from '../helpers/linux-fixtures';

function must<K extends keyof RawSections>(snap: RawSnapshot, key: K): RawSections[K] {
  const r = snap[key];
  if (!r?.ok) throw new Error(`${key}: ${JSON.stringify(r)}`);
  return r.value as RawSections[K];
}

describe('Linux backend on test/fixtures/linux/laptop', () => {
  let snap: RawSnapshot;
  beforeAll(async () => {
    const sampler = createSampler({ root: fixtureRoot('laptop') });
    snap = await sampler.sample();
    await sampler.close();
  });

  it('reads an energy_* battery, a charge_* battery and skips a peripheral battery', () => {
    const { batteries, adapters, source } = must(snap, 'power');
    expect(batteries.map((b) => b.id)).toEqual(['BAT0', 'BAT1']);
    const [b0, b1] = batteries;
    expect(b0).toMatchObject({ percent: 57, state: 'charging', cycleCount: 321, technology: 'Li-poly' });
    expect(b0!.energyNowWh).toBeCloseTo(30, 9);
    expect(b0!.energyFullWh).toBeCloseTo(52, 9);
    expect(b0!.energyDesignWh).toBeCloseTo(57, 9);
    expect(b0!.powerW).toBeCloseTo(12.5, 9); // charging: positive
    expect(b0!.minutesToFull).toBe(90);
    expect(b0!.model).toBe('5B10W13930\uFFFD\uFFFD'); // 0xff 0xfe are not UTF-8
    expect(b0!.chargeNowAh).toBeUndefined();
    expect(b1).toMatchObject({ percent: 88, state: 'discharging', minutesToEmpty: 180 });
    expect(b1!.chargeNowAh).toBeCloseTo(3.5, 9);
    expect(b1!.chargeFullAh).toBeCloseTo(4, 9);
    expect(b1!.chargeDesignAh).toBeCloseTo(4.4, 9);
    expect(b1!.currentA).toBeCloseTo(-1.2, 9); // discharging: negative whatever the driver prints
    expect(b1!.voltageMinDesignV).toBeCloseTo(7.2, 9);
    expect(b1!.temperatureC).toBeCloseTo(31.5, 9);
    expect(b1!.cycleCount).toBeUndefined(); // "garbage" is absent, not 0
    expect(b1!.energyNowWh).toBeUndefined();
    const usb = adapters.find((a) => a.kind === 'USB')!;
    expect(usb).toMatchObject({ id: 'ucsi-source-psy-USBC000:001', online: true });
    expect(usb.watts).toBeCloseTo(65, 9);
    expect(adapters.find((a) => a.id === 'AC')).toMatchObject({ kind: 'Mains', online: false });
    expect(source).toBe('ac');
  });

  it('reads the amdgpu card, ignores connectors, and only names a runtime-suspended card', () => {
    const { gpus } = must(snap, 'gpu');
    // card1's busy, VRAM and hwmon files exist, but reading them could wake the suspended GPU.
    expect(gpus).toEqual([
      {
        id: 'card0',
        vendor: 'amd',
        vendorId: '0x1002',
        deviceId: '0x73bf',
        driver: 'amdgpu',
        busyPercent: 37,
        memoryUsedBytes: 2147483648,
        memoryTotalBytes: 17163091968,
        temperatureC: 61,
        powerW: 187,
        frequencyMhz: 2105,
      },
      { id: 'card1', vendor: 'amd', vendorId: '0x1002', deviceId: '0x743f', driver: 'amdgpu' },
    ]);
  });

  it('reads proc/net/dev with awkward spacing and enriches it from sys/class/net', () => {
    const ifs = must(snap, 'network').interfaces;
    expect(ifs.map((i) => i.name)).toEqual(['lo', 'eth0', 'verylongname0', 'wlan0']);
    const [lo, eth0, long, wlan0] = ifs;
    expect(lo).toMatchObject({ kind: 'loopback', up: true, operstate: 'unknown', rxBytes: 1000, mtu: 65536 });
    expect(eth0).toMatchObject({
      kind: 'ethernet',
      up: true,
      mac: '52:54:00:12:34:56',
      speedMbps: 1000,
      rxBytes: 123456789,
      rxPackets: 1000,
      rxErrors: 1,
      rxDrops: 2,
      txBytes: 987654321,
      txPackets: 2000,
      txErrors: 3,
      txDrops: 4,
      addresses: [], // getifaddrs only on the live root
    });
    expect(long).toMatchObject({ kind: 'other', rxBytes: 5, rxPackets: 6, txBytes: 9, txDrops: 12 });
    expect(wlan0).toMatchObject({ kind: 'wireless', up: false, operstate: 'down' });
    expect(wlan0!.speedMbps).toBeUndefined(); // -1 while down
  });

  it('keeps good hwmon readings, drops garbage and empty ones, allows negatives', () => {
    const sensors = must(snap, 'thermal').sensors;
    expect(sensors.map((s) => s.id)).toEqual([
      'thermal_zone0/temp',
      'platform_thinkpad_hwmon/temp1',
      'platform_thinkpad_hwmon/temp10',
    ]);
    expect(sensors[0]).toMatchObject({ celsius: -1.5, zoneType: 'acpitz', critC: 105, maxC: 95, kind: 'thermal-zone' });
    expect(sensors[1]).toMatchObject({ celsius: 45, label: 'CPU', kind: 'hwmon' });
    expect(sensors[2]!.celsius).toBe(-5);
    expect(must(snap, 'fans').fans).toEqual([
      { id: 'platform_thinkpad_hwmon/fan1', chip: 'platform_thinkpad_hwmon', sensor: 'fan1', rpm: 2900, mode: '2' },
    ]);
  });

  it('reads arm cpuinfo, topology, hybrid levels and partial cpufreq', () => {
    const cpu = must(snap, 'cpu');
    expect(cpu.model).toBe('Example Board rev 2');
    expect(cpu.vendor).toBe('0x41');
    expect(cpu.logicalCores).toBe(4);
    expect(cpu.physicalCores).toBe(3);
    expect(cpu.perfLevels).toEqual([
      { name: 'Performance', logicalCores: 2, cpus: [0, 1] },
      { name: 'Efficiency', logicalCores: 2, cpus: [2, 3] },
    ]);
    expect(cpu.coreMhz).toEqual([2400, 1800, null, null]);
    expect(cpu.loadAvg).toEqual([1.5, 0.75, 0.25]);
    expect(cpu.cores[0]).toEqual({ user: 250, nice: 3, system: 125, idle: 2000, iowait: 10, irq: 1, softirq: 2, steal: 1 });
  });

  it('reads memory without proc/pressure', () => {
    const m = must(snap, 'memory');
    expect(m).toMatchObject({
      totalBytes: 8000000 * 1024,
      availableBytes: 5000000 * 1024,
      usedBytes: 3000000 * 1024,
      cachedBytes: (3000000 + 200000 + 300000) * 1024,
      swapUsedBytes: 500000 * 1024,
    });
    expect(m.psi).toBeUndefined();
  });

  it('reads host facts from the tree', () => {
    expect(must(snap, 'host')).toMatchObject({
      hostname: 'fixture-laptop',
      kernel: '6.1.0-fixture',
      osName: 'Fixture Linux 3 ("quoted")',
      osVersion: '3.1',
      model: 'ThinkPad X1 Fixture',
      bootTimeMs: 1700000000000,
      uptimeSec: 3600.25,
    });
  });

  it('reads RAPL zones and skips the mmio duplicate', () => {
    expect(must(snap, 'rails').rails).toEqual([
      { name: 'package-0', energyJ: 123.456789, wrapJ: 262143.32885 },
      { name: 'core', energyJ: 23.456789 },
    ]);
  });

  it('parses nasty process names and skips truncated, empty and garbage stat files', () => {
    const p = must(snap, 'processes');
    const byPid = new Map(Array.from(p.pid, (pid, i) => [pid, i]));
    expect([...p.pid].sort((a, b) => a - b)).toEqual([1, 2, 100, 101, 102, 103, 107]);
    const at = (pid: number) => byPid.get(pid)!;
    expect(p.name[at(100)]).toBe('(sd-pam)');
    expect(p.name[at(101)]).toBe('a) b');
    expect(p.name[at(102)]).toBe('naïve✓');
    expect(p.name[at(103)]).toBe('two\nlines');
    const i = at(101);
    expect(p.ppid[i]).toBe(1);
    expect(p.threads[i]).toBe(4);
    expect(String.fromCharCode(p.state[i]!)).toBe('R');
    expect(p.cpuTimeNs[i]).toBe(((7 + 3) / 100) * 1e9);
    expect(p.virtualBytes[i]).toBe(30000000);
    expect(p.startTimeMs[i]).toBe(1700000000000 + (600 / 100) * 1000);
    expect(p.diskReadBytes[i]).toBe(4096);
    expect(p.diskWriteBytes[i]).toBe(8192);
    expect(Number.isNaN(p.diskReadBytes[at(1)]!)).toBe(true);
    expect(p.kernelThread[at(2)]).toBe(1);
    expect(p.kernelThread[at(1)]).toBe(0);
    expect(String.fromCharCode(p.state[at(107)]!)).toBe('Z');
    // The uid is the owner of the fixture folder (whoever checked the repo out); the name comes
    // from the tree's etc/passwd, and is '' for a uid it does not list.
    const passwd: Record<number, string> = { 0: 'root', 1: 'daemon', 1000: 'alice' };
    expect(p.user[at(1)]).toBe(passwd[p.uid[at(1)]!] ?? '');
  });
});

describe('Linux backend on test/fixtures/linux/broken', () => {
  it('turns malformed, truncated and missing files into section errors, never a throw', async () => {
    const sampler = createSampler({ root: fixtureRoot('broken') });
    const snap = await sampler.sample();
    await sampler.close();
    expect(snap.host).toMatchObject({ ok: false, error: { reason: 'failed' } });
    expect(snap.cpu).toMatchObject({ ok: false, error: { reason: 'failed' } });
    expect(snap.memory).toMatchObject({ ok: false, error: { reason: 'failed' } });
    expect(snap.thermal).toMatchObject({ ok: false, error: { reason: 'unavailable' } });
    expect(snap.fans).toMatchObject({ ok: false, error: { reason: 'unavailable' } });
    expect(snap.gpu).toMatchObject({ ok: false, error: { reason: 'unavailable' } });
    expect(snap.rails).toMatchObject({ ok: false, error: { reason: 'unavailable' } });
    expect(snap.network).toMatchObject({ ok: false, error: { reason: 'unavailable' } });
    expect(snap.disks).toEqual({ ok: true, value: { mounts: [], devices: [] } });
    expect(snap.power).toEqual({ ok: true, value: { source: 'unknown', adapters: [], batteries: [] } });
    expect(snap.processes).toMatchObject({ ok: true, value: { count: 0 } });
  });
});
