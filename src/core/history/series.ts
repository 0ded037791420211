/**
 * seriesOf(sample): the one list of numbers tracked over time. History records it, the CSV export
 * writes it, the dashboard charts it and alert rules match it, so they always agree on ids, labels
 * and units. Ids are dot-separated from the section down (src/shared/history-types.ts):
 *
 *   cpu.busy | cpu.user | cpu.system | cpu.iowait                 %      total CPU shares
 *   cpu.load1                                                     ''     1-minute load average
 *   cpu.core.<n>.busy  | cpu.core.<n>.mhz                         % MHz  per logical CPU
 *   cpu.cluster.<name>.activePercent | cpu.cluster.<name>.mhz     % MHz  Apple Silicon clusters
 *   memory.usedPercent | memory.usedBytes | memory.swapUsedPercent % B
 *   memory.pressureLevel                                          ''     0 normal, 1 warning, 2 critical
 *   memory.psiSomeAvg10                                           %      Linux PSI
 *   power.thermalPressureLevel                                    ''     0 nominal, 1 fair, 2 serious, 3 critical
 *   power.battery.<id>.percent | .watts | .healthPercent          % W %
 *   thermal.<sensor id>                                           °C
 *   fans.<fan id>.rpm                                             rpm
 *   gpu.<id>.utilizationPercent | .frequencyMhz | .memoryUsedBytes | .powerW
 *   rails.<name>.watts | rails.systemW | rails.batteryW | rails.dcInW   W
 *   disks.<device>.readBytesPerSec | .writeBytesPerSec | .busyPercent   B/s %
 *   disks.mount.<mount point>.usedPercent                         %
 *   network.<iface>.rxBytesPerSec | .txBytesPerSec                B/s
 *   process.<pid>.cpuPercent | process.<pid>.rssBytes             % B   top N processes by CPU only
 *
 * A value that is absent in the sample (a rate on the first sample, a failed section) is simply not
 * emitted: the history shows a gap, never a made-up zero.
 */
import type { SeriesInfo } from '../../shared/history-types';
import type { MemoryPressureLevel, ThermalPressure } from '../../shared/raw';
import { SENSOR_GROUPS, type ProcessSample, type Sample } from '../../shared/sample';

export interface SeriesPoint extends SeriesInfo {
  readonly value: number;
}

export interface SeriesOptions {
  /** How many processes (highest CPU % first) get series. Default DEFAULT_TOP_PROCESSES. */
  readonly topProcesses?: number;
}

/** Processes come and go; series for all of them would flood the history. Top by CPU only. */
export const DEFAULT_TOP_PROCESSES = 10;

export const MEMORY_PRESSURE_LEVELS: readonly MemoryPressureLevel[] = ['normal', 'warning', 'critical'];
export const THERMAL_PRESSURE_LEVELS: readonly ThermalPressure[] = ['nominal', 'fair', 'serious', 'critical'];

class Points {
  readonly list: SeriesPoint[] = [];
  add(id: string, label: string, unit: string, value: number | undefined): void {
    if (value !== undefined && Number.isFinite(value)) this.list.push({ id, label, unit, value });
  }
}

function topByCpu(processes: readonly ProcessSample[], n: number): ProcessSample[] {
  const top: ProcessSample[] = [];
  if (n <= 0) return top;
  for (const p of processes) {
    const cpu = p.cpuPercent;
    if (cpu === undefined) continue;
    if (top.length === n && cpu <= (top[n - 1]?.cpuPercent ?? 0)) continue;
    let i = top.length;
    while (i > 0 && (top[i - 1]?.cpuPercent ?? 0) < cpu) i--;
    top.splice(i, 0, p);
    if (top.length > n) top.pop();
  }
  return top;
}

function cpuAndMemory(s: Sample, out: Points): void {
  if (s.cpu?.ok) {
    const cpu = s.cpu.value;
    const u = cpu.usage;
    out.add('cpu.busy', 'CPU busy', '%', u?.busy);
    out.add('cpu.user', 'CPU user', '%', u?.user);
    out.add('cpu.system', 'CPU system', '%', u?.system);
    out.add('cpu.iowait', 'CPU I/O wait', '%', u?.iowait);
    out.add('cpu.load1', 'Load average (1 min)', '', cpu.loadAvg[0]);
    for (const core of cpu.cores) {
      out.add(`cpu.core.${core.id}.busy`, `Core ${core.id} busy`, '%', core.usage?.busy);
      out.add(`cpu.core.${core.id}.mhz`, `Core ${core.id} frequency`, 'MHz', core.mhz);
    }
    for (const c of cpu.clusters ?? []) {
      out.add(`cpu.cluster.${c.name}.activePercent`, `${c.name} active`, '%', c.activePercent);
      out.add(`cpu.cluster.${c.name}.mhz`, `${c.name} frequency`, 'MHz', c.mhz);
    }
  }
  if (s.memory?.ok) {
    const m = s.memory.value;
    out.add('memory.usedPercent', 'Memory used', '%', m.usedPercent);
    out.add('memory.usedBytes', 'Memory used', 'B', m.usedBytes);
    out.add('memory.swapUsedPercent', 'Swap used', '%', m.swapUsedPercent);
    if (m.pressure !== undefined) {
      out.add('memory.pressureLevel', 'Memory pressure', '', MEMORY_PRESSURE_LEVELS.indexOf(m.pressure));
    }
    out.add('memory.psiSomeAvg10', 'Memory stall (PSI some, 10 s)', '%', m.psi?.some.avg10);
  }
}

function devices(s: Sample, out: Points): void {
  if (s.power?.ok) {
    const p = s.power.value;
    if (p.thermalPressure !== undefined) {
      out.add(
        'power.thermalPressureLevel',
        'Thermal pressure',
        '',
        THERMAL_PRESSURE_LEVELS.indexOf(p.thermalPressure),
      );
    }
    for (const b of p.batteries) {
      out.add(`power.battery.${b.id}.percent`, `Battery ${b.id} charge`, '%', b.percent);
      out.add(`power.battery.${b.id}.watts`, `Battery ${b.id} power`, 'W', b.powerW);
      out.add(`power.battery.${b.id}.healthPercent`, `Battery ${b.id} health`, '%', b.healthPercent);
    }
  }
  if (s.thermal?.ok)
    for (const t of fairSensorOrder(s.thermal.value.sensors))
      out.add(`thermal.${t.id}`, t.label ?? t.id, '°C', t.celsius);
  if (s.fans?.ok)
    for (const f of s.fans.value.fans) out.add(`fans.${f.id}.rpm`, f.label ?? f.id, 'rpm', f.rpm);
  if (s.gpu?.ok) {
    for (const g of s.gpu.value.gpus) {
      const name = g.model ?? g.id;
      out.add(`gpu.${g.id}.utilizationPercent`, `${name} busy`, '%', g.utilizationPercent);
      out.add(`gpu.${g.id}.frequencyMhz`, `${name} frequency`, 'MHz', g.frequencyMhz);
      out.add(`gpu.${g.id}.memoryUsedBytes`, `${name} memory used`, 'B', g.memoryUsedBytes);
      out.add(`gpu.${g.id}.powerW`, `${name} power`, 'W', g.powerW);
    }
  }
  if (s.rails?.ok) {
    const r = s.rails.value;
    for (const rail of r.rails) out.add(`rails.${rail.name}.watts`, `${rail.name} power`, 'W', rail.watts);
    out.add('rails.systemW', 'System power', 'W', r.systemW);
    out.add('rails.batteryW', 'Battery power', 'W', r.batteryW);
    out.add('rails.dcInW', 'DC in power', 'W', r.dcInW);
  }
}

function io(s: Sample, out: Points, options: SeriesOptions): void {
  if (s.disks?.ok) {
    for (const d of s.disks.value.devices) {
      out.add(`disks.${d.name}.readBytesPerSec`, `${d.name} read`, 'B/s', d.readBytesPerSec);
      out.add(`disks.${d.name}.writeBytesPerSec`, `${d.name} write`, 'B/s', d.writeBytesPerSec);
      out.add(`disks.${d.name}.busyPercent`, `${d.name} busy`, '%', d.busyPercent);
    }
    for (const m of s.disks.value.mounts)
      out.add(`disks.mount.${m.mount}.usedPercent`, `${m.mount} used`, '%', m.usedPercent);
  }
  if (s.network?.ok) {
    for (const i of s.network.value.interfaces) {
      out.add(`network.${i.name}.rxBytesPerSec`, `${i.name} in`, 'B/s', i.rxBytesPerSec);
      out.add(`network.${i.name}.txBytesPerSec`, `${i.name} out`, 'B/s', i.txBytesPerSec);
    }
  }
  if (s.processes?.ok) {
    for (const p of topByCpu(s.processes.value.processes, options.topProcesses ?? DEFAULT_TOP_PROCESSES)) {
      out.add(`process.${p.pid}.cpuPercent`, `${p.name} (${p.pid}) CPU`, '%', p.cpuPercent);
      out.add(`process.${p.pid}.rssBytes`, `${p.name} (${p.pid}) memory`, 'B', p.rssBytes);
    }
  }
}

/** Every series value in a sample, in section order. */
export function seriesOf(sample: Sample, options: SeriesOptions = {}): SeriesPoint[] {
  const top = options.topProcesses;
  if (top !== undefined && (!Number.isInteger(top) || top < 0)) {
    throw new RangeError(`seriesOf: options.topProcesses must be a whole number ≥ 0, got ${top}`);
  }
  const out = new Points();
  cpuAndMemory(sample, out);
  devices(sample, out);
  io(sample, out, options);
  return out.list;
}

/** The section a series id belongs to ("process.12.cpuPercent" → "processes"). */
export function sectionOfSeries(id: string): string {
  const dot = id.indexOf('.');
  const head = dot < 0 ? id : id.slice(0, dot);
  return head === 'process' ? 'processes' : head;
}

/**
 * Sensors taken one group at a time in turn (cpu, gpu, soc, ...): the history gives temperatures a
 * quota (store.ts), and a Mac lists its SMC keys alphabetically, so in their own order the first
 * few dozen would all be ambient and battery sensors and the CPU group would get none.
 */
export function fairSensorOrder<T extends { readonly group: string }>(sensors: readonly T[]): T[] {
  const byGroup = new Map<string, T[]>();
  for (const s of sensors) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  const lists = [...byGroup.entries()]
    .sort(([a], [b]) => groupRank(a) - groupRank(b))
    .map(([, list]) => list);
  const out: T[] = [];
  for (let i = 0; out.length < sensors.length; i++)
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

const groupRank = (group: string): number => {
  const i = (SENSOR_GROUPS as readonly string[]).indexOf(group);
  return i < 0 ? SENSOR_GROUPS.length : i;
};
