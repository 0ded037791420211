// The values we read from node_exporter's fixture trees equal what node_exporter printed for them.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import type { RawSnapshot, RawSections } from '../../src/shared/raw';
import {
  HAS_NODE_EXPORTER,
  NODE_EXPORTER_DIR,
  NODE_EXPORTER_NOTE,
  nodeExporterRoot,
} from '../helpers/linux-fixtures';
import { readPromText, samplesOf, valueOf, type PromSample } from '../helpers/prom-text';

function must<K extends keyof RawSections>(snap: RawSnapshot, key: K): RawSections[K] {
  const r = snap[key];
  if (!r?.ok) throw new Error(`${key}: ${JSON.stringify(r)}`);
  return r.value as RawSections[K];
}

describe.skipIf(!HAS_NODE_EXPORTER)(`Linux backend on node_exporter fixtures${NODE_EXPORTER_NOTE}`, () => {
  let snap: RawSnapshot;
  let prom: PromSample[];

  beforeAll(async () => {
    const sampler = createSampler({ root: nodeExporterRoot() });
    snap = await sampler.sample();
    await sampler.close();
    prom = readPromText(join(NODE_EXPORTER_DIR, 'e2e-output.txt'));
  });

  it('reads the battery and the AC adapter as node_power_supply_* says', () => {
    const power = must(snap, 'power');
    const bat = power.batteries.find((b) => b.id === 'BAT0')!;
    const l = { power_supply: 'BAT0' };
    expect(bat.percent).toBe(valueOf(prom, 'node_power_supply_capacity', l));
    expect(bat.cycleCount).toBe(valueOf(prom, 'node_power_supply_cyclecount', l));
    expect(bat.energyNowWh).toBeCloseTo(valueOf(prom, 'node_power_supply_energy_watthour', l), 9);
    expect(bat.energyFullWh).toBeCloseTo(valueOf(prom, 'node_power_supply_energy_full', l), 9);
    expect(bat.energyDesignWh).toBeCloseTo(valueOf(prom, 'node_power_supply_energy_full_design', l), 9);
    expect(bat.voltageV).toBeCloseTo(valueOf(prom, 'node_power_supply_voltage_volt', l), 9);
    expect(bat.voltageMinDesignV).toBeCloseTo(valueOf(prom, 'node_power_supply_voltage_min_design', l), 9);
    // node_exporter prints the magnitude; we sign it by the status (Discharging → negative).
    expect(bat.state).toBe('discharging');
    expect(bat.powerW).toBeCloseTo(-valueOf(prom, 'node_power_supply_power_watt', l), 9);
    const info = samplesOf(prom, 'node_power_supply_info', l)[0]!.labels;
    expect(bat.manufacturer).toBe(info['manufacturer']);
    expect(bat.technology).toBe(info['technology']);
    // model_name holds bytes that are not UTF-8: they arrive as U+FFFD, like node_exporter's output.
    expect(bat.model).toBe(info['model_name']);
    expect(bat.model).toContain('\uFFFD');
    const ac = power.adapters.find((a) => a.id === 'AC')!;
    expect(ac.kind).toBe('Mains');
    expect(ac.online).toBe(valueOf(prom, 'node_power_supply_online', { power_supply: 'AC' }) === 1);
    expect(power.source).toBe('battery');
  });

  it('reads every hwmon temperature, label and limit node_exporter reports, with the same chip ids', () => {
    const sensors = must(snap, 'thermal').sensors.filter((s) => s.kind === 'hwmon');
    const temps = samplesOf(prom, 'node_hwmon_temp_celsius');
    expect(temps.length).toBeGreaterThan(10);
    expect(sensors.map((s) => s.id).sort()).toEqual(temps.map((t) => `${t.labels['chip']}/${t.labels['sensor']}`).sort());
    for (const t of temps) {
      const s = sensors.find((x) => x.chip === t.labels['chip'] && x.sensor === t.labels['sensor'])!;
      expect(s.celsius).toBeCloseTo(t.value, 9);
      const label = samplesOf(prom, 'node_hwmon_sensor_label', t.labels)[0]?.labels['label'];
      expect(s.label).toBe(label);
      const crit = samplesOf(prom, 'node_hwmon_temp_crit_celsius', t.labels)[0]?.value;
      expect(s.critC).toBe(crit);
      const max = samplesOf(prom, 'node_hwmon_temp_max_celsius', t.labels)[0]?.value;
      expect(s.maxC).toBe(max);
    }
  });

  it("gives each hwmon sensor its chip's driver name, as node_hwmon_chip_names labels it", () => {
    const sensors = must(snap, 'thermal').sensors.filter((s) => s.kind === 'hwmon');
    // node_exporter cleans the name file the way CleanChipName does (collector/hwmon_linux.go).
    const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9:_]/g, '_').replace(/^_+|_+$/g, '');
    let checked = 0;
    for (const c of samplesOf(prom, 'node_hwmon_chip_names')) {
      for (const s of sensors.filter((x) => x.chip === c.labels['chip'])) {
        expect(s.chipName && clean(s.chipName)).toBe(c.labels['chip_name']);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(sensors.find((s) => s.chip === 'platform_coretemp_0')?.chipName).toBe('coretemp');
  });

  it('fails the network section rather than invent counters: the tree has no proc/net/dev and no statistics/', () => {
    expect(snap.network).toMatchObject({ ok: false, error: { reason: 'unavailable' } });
  });

  it('lists only real interfaces of sys/class/net, with the MTU and speed node_exporter reports', async () => {
    // Same tree plus zeroed statistics/ counters, so the sys/class/net fallback lists the interfaces.
    const root = nodeExporterRoot();
    const net = join(root, 'sys/class/net');
    for (const name of readdirSync(net)) {
      if (!statSync(join(net, name)).isDirectory()) continue;
      mkdirSync(join(net, name, 'statistics'), { recursive: true });
      for (const c of ['rx', 'tx'].flatMap((d) => ['bytes', 'packets', 'errors', 'dropped'].map((k) => `${d}_${k}`))) {
        writeFileSync(join(net, name, 'statistics', c), '0\n');
      }
    }
    const sampler = createSampler({ root });
    const withCounters = await sampler.sample(['network']);
    await sampler.close();
    const ifs = must(withCounters, 'network').interfaces;
    // bonding_masters is a plain file in sys/class/net, not an interface.
    expect(ifs.map((i) => i.name)).not.toContain('bonding_masters');
    const mtus = samplesOf(prom, 'node_network_mtu_bytes');
    expect(mtus.length).toBeGreaterThan(0);
    for (const m of mtus) expect(ifs.find((i) => i.name === m.labels['device'])?.mtu).toBe(m.value);
    for (const sp of samplesOf(prom, 'node_network_speed_bytes')) {
      // node_exporter reports bytes/s; we report Mbit/s.
      expect(ifs.find((i) => i.name === sp.labels['device'])?.speedMbps).toBe((sp.value * 8) / 1e6);
    }
  });

  it('reads the thermal zone in degrees, with its type', () => {
    const zone = must(snap, 'thermal').sensors.find((s) => s.kind === 'thermal-zone')!;
    const z = samplesOf(prom, 'node_thermal_zone_temp')[0]!;
    expect(zone.id).toBe(`thermal_zone${z.labels['zone']}/temp`);
    expect(zone.zoneType).toBe(z.labels['type']);
    expect(zone.celsius).toBeCloseTo(z.value, 9);
  });

  it('reads applesmc and nct6779 fans: rpm, min, max, target and labels', () => {
    const fans = must(snap, 'fans').fans;
    const rpms = samplesOf(prom, 'node_hwmon_fan_rpm');
    expect(fans.map((f) => f.id).sort()).toEqual(rpms.map((r) => `${r.labels['chip']}/${r.labels['sensor']}`).sort());
    for (const r of rpms) {
      const f = fans.find((x) => x.id === `${r.labels['chip']}/${r.labels['sensor']}`)!;
      expect(f.rpm).toBe(r.value);
      expect(f.minRpm).toBe(samplesOf(prom, 'node_hwmon_fan_min_rpm', r.labels)[0]?.value);
      expect(f.maxRpm).toBe(samplesOf(prom, 'node_hwmon_fan_max_rpm', r.labels)[0]?.value);
      expect(f.targetRpm).toBe(samplesOf(prom, 'node_hwmon_fan_target_rpm', r.labels)[0]?.value);
      expect(f.label).toBe(samplesOf(prom, 'node_hwmon_sensor_label', r.labels)[0]?.labels['label']);
    }
  });

  it('reads the context switch and interrupt totals of proc/stat as node_context_switches_total and node_intr_total', () => {
    const cpu = must(snap, 'cpu');
    expect(cpu.contextSwitches).toBe(valueOf(prom, 'node_context_switches_total', {}));
    expect(cpu.interrupts).toBe(valueOf(prom, 'node_intr_total', {}));
  });

  it('reads per-cpu ticks, load average, boot time and cpufreq', () => {
    const cpu = must(snap, 'cpu');
    const hz = cpu.ticksPerSecond;
    expect(cpu.cores.length).toBe(8);
    const modes = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
    cpu.cores.forEach((core, i) => {
      for (const mode of modes) {
        const seconds = valueOf(prom, 'node_cpu_seconds_total', { cpu: String(i), mode });
        expect(core[mode] / hz).toBeCloseTo(seconds, 6);
      }
    });
    expect(cpu.loadAvg).toEqual([valueOf(prom, 'node_load1'), valueOf(prom, 'node_load5'), valueOf(prom, 'node_load15')]);
    expect(cpu.model).toBe(samplesOf(prom, 'node_cpu_info')[0]!.labels['model_name']);
    for (const f of samplesOf(prom, 'node_cpu_scaling_frequency_hertz')) {
      expect(cpu.coreMhz?.[Number(f.labels['cpu'])]).toBeCloseTo(f.value / 1e6, 6);
    }
    expect(must(snap, 'host').bootTimeMs).toBe(valueOf(prom, 'node_boot_time_seconds') * 1000);
  });

  it('reads meminfo and memory pressure', () => {
    const m = must(snap, 'memory');
    expect(m.totalBytes).toBe(valueOf(prom, 'node_memory_MemTotal_bytes'));
    expect(m.freeBytes).toBe(valueOf(prom, 'node_memory_MemFree_bytes'));
    expect(m.buffersBytes).toBe(valueOf(prom, 'node_memory_Buffers_bytes'));
    expect(m.reclaimableBytes).toBe(valueOf(prom, 'node_memory_SReclaimable_bytes'));
    expect(m.shmemBytes).toBe(valueOf(prom, 'node_memory_Shmem_bytes'));
    expect(m.cachedBytes).toBe(
      valueOf(prom, 'node_memory_Cached_bytes') +
        valueOf(prom, 'node_memory_Buffers_bytes') +
        valueOf(prom, 'node_memory_SReclaimable_bytes'),
    );
    expect(m.swapTotalBytes).toBe(valueOf(prom, 'node_memory_SwapTotal_bytes'));
    expect(m.swapUsedBytes).toBe(valueOf(prom, 'node_memory_SwapTotal_bytes') - valueOf(prom, 'node_memory_SwapFree_bytes'));
    expect(m.psi!.some.totalUs / 1e6).toBe(valueOf(prom, 'node_pressure_memory_waiting_seconds_total'));
    expect(m.psi!.full!.totalUs / 1e6).toBe(valueOf(prom, 'node_pressure_memory_stalled_seconds_total'));
  });

  it('reads diskstats counters for the devices node_exporter keeps', () => {
    const devices = must(snap, 'disks').devices;
    const reads = samplesOf(prom, 'node_disk_read_bytes_total');
    expect(devices.map((d) => d.name).sort()).toEqual(reads.map((r) => r.labels['device']).sort());
    for (const d of devices) {
      const l = { device: d.name };
      expect(d.readBytes).toBe(valueOf(prom, 'node_disk_read_bytes_total', l));
      expect(d.writeBytes).toBe(valueOf(prom, 'node_disk_written_bytes_total', l));
      expect(d.readOps).toBe(valueOf(prom, 'node_disk_reads_completed_total', l));
      expect(d.writeOps).toBe(valueOf(prom, 'node_disk_writes_completed_total', l));
      expect(d.ioTimeMs! / 1000).toBeCloseTo(valueOf(prom, 'node_disk_io_time_seconds_total', l), 9);
      expect(d.readTimeMs! / 1000).toBeCloseTo(valueOf(prom, 'node_disk_read_time_seconds_total', l), 9);
    }
    // Capacities need statvfs on the live kernel: none for a fixture tree.
    expect(must(snap, 'disks').mounts).toEqual([]);
  });

  it('reads RAPL energy counters in joules', () => {
    const rails = must(snap, 'rails').rails;
    expect(rails.find((r) => r.name === 'package-0')!.energyJ).toBeCloseTo(
      samplesOf(prom, 'node_rapl_package_joules_total')[0]!.value,
      6,
    );
    expect(rails.find((r) => r.name === 'core')!.energyJ).toBeCloseTo(
      samplesOf(prom, 'node_rapl_core_joules_total')[0]!.value,
      6,
    );
  });
});
