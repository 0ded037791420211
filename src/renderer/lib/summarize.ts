/**
 * The handful of numbers the popover draws as live sparklines, taken from one sample. NaN means
 * "this sample has no such value" (the section failed, or the machine has no such sensor).
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';

export const GLANCE_KEYS = [
  'cpu',
  'memory',
  'swap',
  'gpu',
  'temperature',
  'rx',
  'tx',
  'battery',
  'power',
  'fan',
] as const;
export type GlanceKey = (typeof GLANCE_KEYS)[number];
export type Glance = Readonly<Record<GlanceKey, number>>;

const max = (values: readonly number[]): number => (values.length === 0 ? NaN : Math.max(...values));

export function summarize(sample: Sample): Glance {
  const cpu = valueOf(sample.cpu);
  const memory = valueOf(sample.memory);
  const gpus = valueOf(sample.gpu)?.gpus ?? [];
  const sensors = valueOf(sample.thermal)?.sensors ?? [];
  const interfaces = (valueOf(sample.network)?.interfaces ?? []).filter((i) => i.kind !== 'loopback');
  const power = valueOf(sample.power);
  const battery = power?.batteries[0];
  const rails = valueOf(sample.rails);
  const fans = valueOf(sample.fans)?.fans ?? [];
  // The hottest CPU sensor is what the menu bar shows; with no CPU-group sensor, the hottest overall.
  const cpuSensors = sensors.filter((s) => s.group === 'cpu');
  const sumRate = (pick: (i: (typeof interfaces)[number]) => number | undefined): number => {
    const rates = interfaces.map(pick).filter((v): v is number => v !== undefined);
    return rates.length === 0 ? NaN : rates.reduce((a, b) => a + b, 0);
  };
  return {
    cpu: cpu?.usage?.busy ?? NaN,
    memory: memory?.usedPercent ?? NaN,
    swap: memory?.swapUsedPercent ?? NaN,
    gpu: max(gpus.map((g) => g.utilizationPercent).filter((v): v is number => v !== undefined)),
    temperature: max((cpuSensors.length > 0 ? cpuSensors : sensors).map((s) => s.celsius)),
    rx: sumRate((i) => i.rxBytesPerSec),
    tx: sumRate((i) => i.txBytesPerSec),
    battery: battery?.percent ?? NaN,
    power: rails?.systemW ?? (battery?.powerW !== undefined ? Math.abs(battery.powerW) : NaN),
    fan: max(fans.map((f) => f.rpm)),
  };
}
