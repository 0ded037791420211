/**
 * The words the views show for the engine's names: menu-bar items, sensor groups, sections and
 * Apple cluster channels. Kept in this one file so a metric catalogue (id, label, unit) can take
 * them over whole; units are formatted by src/shared/format.ts, alert names come from the rules'
 * own `label` (src/shared/alert-defaults.ts).
 */
import type { GlanceItem } from '../../shared/ipc';
import type { SensorGroup } from '../../shared/sample';
import type { SectionName } from '../../shared/sections';

export const GLANCE_ITEM_LABELS: Readonly<Record<GlanceItem, string>> = {
  cpu: 'CPU usage',
  'cpu-temp': 'CPU temperature',
  battery: 'Battery charge',
  'battery-time': 'Battery time left',
  gpu: 'GPU usage',
  network: 'Network speed',
  fan: 'Fan speed',
};

export const SENSOR_GROUP_LABELS: Readonly<Record<SensorGroup, string>> = {
  cpu: 'CPU',
  gpu: 'GPU',
  soc: 'SoC',
  battery: 'Battery',
  storage: 'Storage',
  ambient: 'Ambient',
  other: 'Other',
};

export const SECTION_LABELS: Readonly<Record<SectionName, string>> = {
  host: 'Host',
  cpu: 'CPU',
  memory: 'Memory',
  power: 'Battery',
  thermal: 'Temperatures',
  fans: 'Fans',
  gpu: 'GPU',
  rails: 'Power rails',
  disks: 'Disks',
  network: 'Network',
  processes: 'Top processes',
  processIo: 'Disk use per process',
  processGpu: 'GPU use per process',
};

/**
 * IOReport "CPU Complex Performance States" channels (MACOS.md, CPU): ECPU/ECPM are the
 * efficiency complex, PCPU/PCPM the performance one; a trailing digit numbers a second complex
 * (PCPU1 on Pro/Max chips).
 */
export function clusterLabel(channel: string): string {
  const m = /^([EP])CP[UM](\d*)$/.exec(channel);
  if (!m) return channel;
  const n = m[2] === '' ? '' : ` ${Number(m[2]) + 1}`;
  return `${m[1]}-cluster${n}`;
}

/** How an alert rule's metric reads in a sentence, and the unit of its threshold. */
export interface AlertMetricText {
  /** "the battery, while discharging," — the subject of "… is at or below 10 %". */
  readonly subject: string;
  readonly unit: '%' | '°C' | 'level' | 'W' | 'MB/s';
  /** The stored threshold is the shown one times this (bytes per shown MB/s); 1 when absent. */
  readonly scale?: number;
  /** For level metrics: the names of the levels, 0 first (src/core/history/series.ts). */
  readonly levels?: readonly string[];
}

/** The metrics the default rules watch (src/shared/alert-defaults.ts, src/core/alerts/metrics.ts). */
export const ALERT_METRIC_TEXT: Readonly<Record<string, AlertMetricText>> = {
  'battery.dischargingPercent': { subject: 'the battery charge, while on battery,', unit: '%' },
  'power.thermalPressureLevel': {
    subject: 'the thermal pressure',
    unit: 'level',
    levels: ['nominal', 'fair', 'serious', 'critical'],
  },
  'thermal.group.cpu': { subject: 'the hottest CPU sensor', unit: '°C' },
  'memory.pressureLevel': {
    subject: 'the memory pressure',
    unit: 'level',
    levels: ['normal', 'warning', 'critical'],
  },
  'disks.mount.*.usedPercent': { subject: 'any disk’s used space', unit: '%' },
  'process.*.powerW': { subject: 'any process’s power', unit: 'W' },
  'process.*.diskWriteBytesPerSec': {
    subject: 'any process’s disk writing',
    unit: 'MB/s',
    scale: 1024 * 1024,
  },
};

export const COMPARISON_WORDS: Readonly<Record<string, string>> = {
  '>': 'above',
  '>=': 'at or above',
  '<': 'below',
  '<=': 'at or below',
};
