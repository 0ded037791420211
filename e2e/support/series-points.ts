/**
 * The history series of a Sample for the renderer benchmarks' in-page API: the ids documented in
 * src/shared/history-types.ts (the product's list is core/series.ts, used by the real server).
 */
import { valueOf } from '../../src/shared/metric-result';
import type { Sample } from '../../src/shared/sample';

export interface Point {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
}

export function seriesPoints(s: Sample): Point[] {
  const out: Point[] = [];
  const add = (id: string, label: string, unit: string, value: number | undefined): void => {
    if (value !== undefined && Number.isFinite(value)) out.push({ id, label, unit, value });
  };
  const cpu = valueOf(s.cpu);
  add('cpu.busy', 'CPU busy', '%', cpu?.usage?.busy);
  for (const c of cpu?.cores ?? []) add(`cpu.core.${c.id}.busy`, `Core ${c.id}`, '%', c.usage?.busy);
  const mem = valueOf(s.memory);
  add('memory.usedPercent', 'Memory used', '%', mem?.usedPercent);
  add('memory.swapUsedPercent', 'Swap used', '%', mem?.swapUsedPercent);
  for (const t of valueOf(s.thermal)?.sensors ?? [])
    add(`thermal.${t.id}`, t.label ?? t.sensor, '°C', t.celsius);
  for (const f of valueOf(s.fans)?.fans ?? []) add(`fans.${f.id}.rpm`, f.label ?? f.sensor, 'rpm', f.rpm);
  for (const b of valueOf(s.power)?.batteries ?? []) {
    add(`power.battery.${b.id}.percent`, `${b.id} charge`, '%', b.percent);
    add(
      `power.battery.${b.id}.powerW`,
      `${b.id} power`,
      'W',
      b.powerW === undefined ? undefined : Math.abs(b.powerW),
    );
  }
  for (const g of valueOf(s.gpu)?.gpus ?? [])
    add(`gpu.${g.id}.utilizationPercent`, g.model ?? g.id, '%', g.utilizationPercent);
  for (const i of valueOf(s.network)?.interfaces ?? []) {
    add(`network.${i.name}.rxBytesPerSec`, `${i.name} rx`, 'B/s', i.rxBytesPerSec);
    add(`network.${i.name}.txBytesPerSec`, `${i.name} tx`, 'B/s', i.txBytesPerSec);
  }
  for (const d of valueOf(s.disks)?.devices ?? []) {
    add(`disks.${d.name}.readBytesPerSec`, `${d.name} read`, 'B/s', d.readBytesPerSec);
    add(`disks.${d.name}.writeBytesPerSec`, `${d.name} write`, 'B/s', d.writeBytesPerSec);
  }
  return out;
}
