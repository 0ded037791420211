/**
 * The handful of numbers the popover draws as live sparklines, taken from one sample. NaN means
 * "this sample has no such value" (the section failed, or the machine has no such sensor).
 */
import { glanceSummary } from '../../shared/glance';
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

/** The popover's numbers: the shared glance summary (the tray title's too), NaN where absent. */
export function summarize(sample: Sample): Glance {
  const g = glanceSummary(sample);
  const n = (v: number | undefined): number => v ?? NaN;
  return {
    cpu: n(g.cpu),
    memory: n(g.memory),
    swap: n(g.swap),
    gpu: n(g.gpu),
    temperature: n(g.cpuTemperature),
    rx: n(g.rx),
    tx: n(g.tx),
    battery: n(g.battery?.percent),
    power: n(g.power),
    fan: n(g.fan),
  };
}
