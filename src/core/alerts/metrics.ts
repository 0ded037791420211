/**
 * What an alert rule's `metric` may name, and how it is read from a sample.
 *
 * 1. A history series id of the metric catalogue (docs/metrics.md "History"), or a pattern of them
 *    where `*` matches any run of characters:
 *      "cpu.busy", "memory.pressureLevel", "power.thermalPressureLevel", "thermal.*",
 *      "disks.mount.*.usedPercent", "network.*.rxBytesPerSec", "process.*.cpuPercent"
 *    A pattern with `*` watches every matching series separately (the series id is the subject);
 *    alerts/pattern.ts matches it without backtracking and caps its stars.
 * 2. Named conditions that need more than one number:
 *      "battery.dischargingPercent"  charge % of each battery, only while it is discharging
 *      "thermal.group.<group>"       °C of each sensor in a group (cpu, gpu, soc, battery, storage,
 *                                    ambient, other), e.g. "thermal.group.cpu"
 *
 * A reading set is `undefined` when the sample says nothing about the metric's section (not
 * sampled on this tick, or failed): the engine then keeps its state. An empty list means the
 * section was read and no subject qualifies (the battery is charging): firing alerts clear.
 */
import type { Sample, SensorGroup } from '../../shared/sample';
import { SENSOR_GROUPS } from '../../shared/sample';
import { sectionOfSeries, type SeriesPoint } from '../history';
import { compileMetricPattern } from './pattern';

export interface Reading {
  /** Which instance, for metrics that watch many; absent for a single series. */
  readonly subject?: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
}

export type MetricReader = (
  sample: Sample,
  series: () => readonly SeriesPoint[],
) => readonly Reading[] | undefined;

function seriesReader(pattern: string): MetricReader {
  const { many, matches } = compileMetricPattern(pattern);
  const section = sectionOfSeries(pattern);
  return (sample, series) => {
    const result = sample[section as keyof Sample];
    if (typeof result !== 'object' || result === null || !('ok' in result) || !result.ok) return undefined;
    const out: Reading[] = [];
    for (const p of series()) {
      if (!matches(p.id)) continue;
      out.push(
        many
          ? { subject: p.id, label: p.label, unit: p.unit, value: p.value }
          : { label: p.label, unit: p.unit, value: p.value },
      );
    }
    return out;
  };
}

const dischargingBatteries: MetricReader = (sample) => {
  if (!sample.power?.ok) return undefined;
  const out: Reading[] = [];
  for (const b of sample.power.value.batteries) {
    if (b.state !== 'discharging' || b.percent === undefined || !Number.isFinite(b.percent)) continue;
    out.push({ subject: b.id, label: `Battery ${b.id}`, unit: '%', value: b.percent });
  }
  return out;
};

function thermalGroup(group: SensorGroup): MetricReader {
  return (sample) => {
    if (!sample.thermal?.ok) return undefined;
    const out: Reading[] = [];
    for (const s of sample.thermal.value.sensors) {
      if (s.group === group && Number.isFinite(s.celsius))
        out.push({ subject: s.id, label: s.label ?? s.id, unit: '°C', value: s.celsius });
    }
    return out;
  };
}

/** The reader for a rule's metric. Throws a RangeError for an unknown thermal group or a too-wild pattern. */
export function metricReader(metric: string): MetricReader {
  if (metric === 'battery.dischargingPercent') return dischargingBatteries;
  if (metric.startsWith('thermal.group.')) {
    const group = metric.slice('thermal.group.'.length);
    if (!(SENSOR_GROUPS as readonly string[]).includes(group)) {
      throw new RangeError(`unknown sensor group "${group}" (expected one of ${SENSOR_GROUPS.join(', ')})`);
    }
    return thermalGroup(group as SensorGroup);
  }
  return seriesReader(metric);
}
