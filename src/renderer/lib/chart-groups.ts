/**
 * Which history series each dashboard chart draws, chosen by series id (the ids documented in
 * src/shared/history-types.ts and emitted by core/series.ts).
 */
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

interface ChartRule {
  readonly key: string;
  readonly title: string;
  readonly match: RegExp;
}

const RULES: readonly ChartRule[] = [
  { key: 'cpu', title: 'CPU total', match: /^cpu\.busy$/ },
  { key: 'cores', title: 'CPU per core', match: /^cpu\.core\.\d+\.busy$/ },
  { key: 'gpu', title: 'GPU', match: /^gpu\..+\.utilizationPercent$/ },
  { key: 'memory', title: 'Memory and swap', match: /^memory\.(usedPercent|swapUsedPercent)$/ },
  { key: 'fans', title: 'Fans', match: /^fans\..+\.rpm$/ },
  { key: 'battery', title: 'Battery charge', match: /^power\.battery\..+\.percent$/ },
  {
    key: 'power',
    title: 'Power',
    match: /^(power\..+\.(powerW|watts)|rails\..+|power\.(systemW|batteryW|dcInW))$/,
  },
  { key: 'disk', title: 'Disk I/O', match: /^disks\..+\.(read|write)BytesPerSec$/ },
];

const NETWORK = /^network\.(.+)\.(rx|tx)BytesPerSec$/;
const THERMAL = /^thermal\.(.+)$/;

/** Groups series into charts. `sensorGroups` maps a sensor id to its group (from the latest sample). */
export function chartGroups(
  infos: readonly SeriesInfo[],
  sensorGroups: ReadonlyMap<string, SensorGroup> = new Map(),
  hiddenInterfaces: ReadonlySet<string> = new Set(),
): ChartGroup[] {
  const groups: ChartGroup[] = [];
  const add = (key: string, title: string, series: readonly SeriesInfo[]): void => {
    if (series.length === 0) return;
    const unit = series[0]?.unit ?? '';
    const same = series.filter((s) => s.unit === unit);
    groups.push({ key, title, unit, series: same, percent: unit === '%' });
  };
  for (const rule of RULES) {
    add(
      rule.key,
      rule.title,
      infos.filter((s) => rule.match.test(s.id) && (rule.key !== 'power' || s.unit === 'W')),
    );
  }
  const thermal = new Map<SensorGroup, SeriesInfo[]>();
  for (const s of infos) {
    const m = THERMAL.exec(s.id);
    if (!m || s.unit !== '°C') continue;
    const group = sensorGroups.get(m[1] ?? '') ?? 'other';
    thermal.set(group, [...(thermal.get(group) ?? []), s]);
  }
  for (const [group, series] of [...thermal].sort(([a], [b]) => a.localeCompare(b))) {
    add(`thermal-${group}`, `Temperatures: ${SENSOR_GROUP_LABELS[group]}`, series);
  }
  // One chart for the network, a series per interface and direction. Loopback traffic is the
  // machine talking to itself (this very page, for one); down or idle interfaces are left out
  // unless the user asks for them (the dashboard's toggle).
  add(
    'network',
    'Network',
    infos.filter((s) => {
      const iface = NETWORK.exec(s.id)?.[1];
      return iface !== undefined && !/^lo\d*$/.test(iface) && !hiddenInterfaces.has(iface);
    }),
  );
  return groups;
}

/** Every series any chart draws: what the dashboard asks the history for. */
export function chartSeriesIds(infos: readonly SeriesInfo[]): string[] {
  return chartGroups(infos).flatMap((g) => g.series.map((s) => s.id));
}

/** The interface a network series belongs to, or undefined for any other series. */
export function interfaceOf(seriesId: string): string | undefined {
  return NETWORK.exec(seriesId)?.[1];
}
