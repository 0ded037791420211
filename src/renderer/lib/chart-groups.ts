/**
 * Which history series each dashboard chart draws: the chart the metric catalogue gives the series'
 * entry (src/shared/catalogue, docs/metrics.md). The same groups make the export list.
 */
import { CHARTS, describeSeries, type ChartKey } from '../../shared/catalogue';
import type { SeriesInfo } from '../../shared/history-types';
import type { SensorGroup } from '../../shared/sample';
import { SENSOR_GROUP_LABELS } from './labels';

export interface ChartGroup {
  readonly key: string;
  readonly title: string;
  readonly unit: string;
  readonly series: readonly SeriesInfo[];
  /** Stack-free 0–100 axis for percentages. */
  readonly percent: boolean;
}

// Loopback traffic is the machine talking to itself (this very page, for one): not a chart.
const LOOPBACK = /^lo\d*$/;

/** Series per sub-chart key, in first-seen order. */
class Buckets {
  readonly map = new Map<string, SeriesInfo[]>();
  add(key: string, s: SeriesInfo): void {
    const list = this.map.get(key);
    if (list) list.push(s);
    else this.map.set(key, [s]);
  }
}

/**
 * Groups series into charts. `sensorGroups` maps a sensor id to its group (from the latest sample);
 * `hiddenInterfaces` are left out of the network chart (down or idle ones, unless the user asks).
 */
export function chartGroups(
  infos: readonly SeriesInfo[],
  sensorGroups: ReadonlyMap<string, SensorGroup> = new Map(),
  hiddenInterfaces: ReadonlySet<string> = new Set(),
): ChartGroup[] {
  const byChart = new Map<ChartKey, Buckets>();
  for (const s of infos) {
    const match = describeSeries(s.id);
    const chart = match?.descriptor.chart;
    if (chart === undefined) continue;
    const instance = match?.instance ?? '';
    if (chart === 'net' && (LOOPBACK.test(instance) || hiddenInterfaces.has(instance))) continue;
    const sub =
      chart === 'thermal' ? (sensorGroups.get(instance) ?? 'other') : chart === 'net' ? instance : '';
    let buckets = byChart.get(chart);
    if (buckets === undefined) byChart.set(chart, (buckets = new Buckets()));
    buckets.add(sub, s);
  }
  const groups: ChartGroup[] = [];
  const add = (key: string, title: string, series: readonly SeriesInfo[]): void => {
    const unit = series[0]?.unit ?? '';
    const same = series.filter((s) => s.unit === unit);
    if (same.length > 0) groups.push({ key, title, unit, series: same, percent: unit === '%' });
  };
  for (const chart of CHARTS) {
    const buckets = byChart.get(chart.key);
    if (buckets === undefined) continue;
    if (chart.key === 'thermal') {
      for (const [group, series] of [...buckets.map].sort(([a], [b]) => a.localeCompare(b)))
        add(
          `thermal-${group}`,
          `Temperatures: ${SENSOR_GROUP_LABELS[group as SensorGroup] ?? group}`,
          series,
        );
    } else if (chart.key === 'net') {
      // One chart for the network, a series per interface and direction.
      add('network', 'Network', [...buckets.map.values()].flat());
    } else {
      add(chart.key, chart.title, buckets.map.get('') ?? []);
    }
  }
  return groups;
}

/** Every series any chart draws: what the dashboard asks the history for. */
export function chartSeriesIds(infos: readonly SeriesInfo[]): string[] {
  return chartGroups(infos).flatMap((g) => g.series.map((s) => s.id));
}

/** The interface a network series belongs to, or undefined for any other series. */
export function interfaceOf(seriesId: string): string | undefined {
  const match = describeSeries(seriesId);
  return match?.descriptor.chart === 'net' ? match.instance : undefined;
}
