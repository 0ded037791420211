/**
 * One sample as an ordered list of named cells, for wide row formats (CSV). Names are dot-separated
 * like history series ids. Processes are exported by rank (`process.1.*` is the busiest), so the
 * column set stays fixed while processes come and go.
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { topProcesses } from './families-io';

export type Cell = number | string | boolean | undefined;

export interface FlattenOptions {
  /** Process slots (default 5). */
  readonly topProcesses?: number;
}

export function flattenSample(sample: Sample, options: FlattenOptions = {}): [string, Cell][] {
  const topN = options.topProcesses ?? 5;
  const out: [string, Cell][] = [];
  const put = (key: string, value: Cell) => out.push([key, value]);
  const cpu = valueOf(sample.cpu);
  if (cpu !== undefined) {
    put('cpu.busy', cpu.usage?.busy);
    put('cpu.user', cpu.usage?.user);
    put('cpu.system', cpu.usage?.system);
    put('cpu.iowait', cpu.usage?.iowait);
    put('cpu.load1', cpu.loadAvg[0]);
    put('cpu.load5', cpu.loadAvg[1]);
    put('cpu.load15', cpu.loadAvg[2]);
    for (const c of cpu.cores) {
      put(`cpu.core.${c.id}.busy`, c.usage?.busy);
      put(`cpu.core.${c.id}.mhz`, c.mhz);
    }
  }
  const mem = valueOf(sample.memory);
  if (mem !== undefined) {
    put('memory.totalBytes', mem.totalBytes);
    put('memory.usedBytes', mem.usedBytes);
    put('memory.availableBytes', mem.availableBytes);
    put('memory.cachedBytes', mem.cachedBytes);
    put('memory.usedPercent', mem.usedPercent);
    put('memory.swapUsedBytes', mem.swapUsedBytes);
    put('memory.pressure', mem.pressure);
  }
  const power = valueOf(sample.power);
  if (power !== undefined) {
    put('power.source', power.source);
    put('power.thermalPressure', power.thermalPressure);
    for (const b of power.batteries) {
      put(`power.battery.${b.id}.percent`, b.percent);
      put(`power.battery.${b.id}.state`, b.state);
      put(`power.battery.${b.id}.powerW`, b.powerW);
    }
  }
  for (const s of valueOf(sample.thermal)?.sensors ?? []) put(`thermal.${s.id}`, s.celsius);
  for (const f of valueOf(sample.fans)?.fans ?? []) put(`fans.${f.id}.rpm`, f.rpm);
  for (const g of valueOf(sample.gpu)?.gpus ?? [])
    put(`gpu.${g.id}.utilizationPercent`, g.utilizationPercent);
  for (const r of valueOf(sample.rails)?.rails ?? []) put(`rails.${r.name}.watts`, r.watts);
  for (const d of valueOf(sample.disks)?.devices ?? []) {
    put(`disks.${d.name}.readBytesPerSec`, d.readBytesPerSec);
    put(`disks.${d.name}.writeBytesPerSec`, d.writeBytesPerSec);
  }
  for (const i of valueOf(sample.network)?.interfaces ?? []) {
    put(`network.${i.name}.rxBytesPerSec`, i.rxBytesPerSec);
    put(`network.${i.name}.txBytesPerSec`, i.txBytesPerSec);
  }
  const procs = valueOf(sample.processes);
  if (procs !== undefined) {
    const top = topProcesses(procs.processes, topN);
    for (let rank = 1; rank <= topN; rank++) {
      const p = top[rank - 1];
      put(`process.${rank}.pid`, p?.pid);
      put(`process.${rank}.name`, p?.name);
      put(`process.${rank}.cpuPercent`, p?.cpuPercent);
      put(`process.${rank}.rssBytes`, p?.rssBytes);
    }
  }
  return out;
}
