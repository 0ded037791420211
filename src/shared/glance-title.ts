/**
 * The menu-bar glance: a short title ("62° 12%") from the user's chosen items, and a fuller tooltip.
 * Pure functions of a Sample. An item the machine cannot report (no battery, no CPU sensor, first
 * sample without rates) is left out of the title rather than shown as a made-up zero; the tooltip
 * says why.
 */
import {
  celsiusToFahrenheit,
  formatMinutes,
  formatPercent,
  formatRate,
  formatRpm,
  formatTemperature,
} from './format';
import { glanceSummary, type GlanceSummary } from './glance';
import type { GlanceItem, TemperatureUnit } from './ipc';
import type { BatterySample, Sample } from './sample';
import type { SectionName } from './sections';

/** The sections each item needs; the tray samples exactly these while every window is hidden. */
export const GLANCE_SECTIONS: Readonly<Record<GlanceItem, readonly SectionName[]>> = {
  cpu: ['cpu'],
  'cpu-temp': ['thermal'],
  battery: ['power'],
  'battery-time': ['power'],
  gpu: ['gpu'],
  network: ['network'],
  fan: ['fans'],
};

export function glanceSections(items: readonly GlanceItem[]): SectionName[] {
  return [...new Set(items.flatMap((item) => GLANCE_SECTIONS[item]))];
}

/** Hottest sensor the engine grouped as CPU (core/sensor-groups), °C. */
export function hottestCpuC(sample: Sample): number | undefined {
  return glanceSummary(sample).cpuTemperature;
}

/** Receive and send rates over physical interfaces (src/shared/glance.ts says which). */
export function networkRates(sample: Sample): { rx: number; tx: number } | undefined {
  return rates(glanceSummary(sample));
}

function rates({ rx, tx }: GlanceSummary): { rx: number; tx: number } | undefined {
  return rx === undefined || tx === undefined ? undefined : { rx, tx };
}

/** 1536 → "1.5K": the menu bar has room for about four characters per rate (IEC, like formatRate). */
export function compactBytes(n: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v < 10 && u > 0 ? v.toFixed(1) : Math.round(v)}${units[u]}`;
}

function minutesLeft(b: BatterySample): number | undefined {
  return b.state === 'charging' ? b.minutesToFull : b.state === 'discharging' ? b.minutesToEmpty : undefined;
}

/** "2:05" for 125 minutes. */
const hmm = (minutes: number): string =>
  `${Math.floor(minutes / 60)}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;

const degrees = (c: number, unit: TemperatureUnit): number => (unit === 'F' ? celsiusToFahrenheit(c) : c);

function titleItem(item: GlanceItem, g: GlanceSummary, unit: TemperatureUnit): string | undefined {
  switch (item) {
    case 'cpu':
      return g.cpu === undefined ? undefined : `${Math.round(g.cpu)}%`;
    case 'cpu-temp': {
      const c = g.cpuTemperature;
      return c === undefined ? undefined : `${Math.round(degrees(c, unit))}°`;
    }
    case 'battery': {
      const b = g.battery;
      if (b?.percent === undefined) return undefined;
      return `B${Math.round(b.percent)}%${b.state === 'charging' ? '+' : ''}`;
    }
    case 'battery-time': {
      const b = g.battery;
      const left = b && minutesLeft(b);
      return left === undefined ? undefined : hmm(left);
    }
    case 'gpu':
      return g.gpu === undefined ? undefined : `G${Math.round(g.gpu)}%`;
    case 'network': {
      const r = rates(g);
      return r === undefined ? undefined : `↓${compactBytes(r.rx)} ↑${compactBytes(r.tx)}`;
    }
    case 'fan':
      return g.fan === undefined ? undefined : `${Math.round(g.fan)}rpm`;
  }
}

/** The menu-bar title: the available items in the user's order, space-separated ('' when none). */
export function glanceTitle(sample: Sample, items: readonly GlanceItem[], unit: TemperatureUnit): string {
  const g = glanceSummary(sample);
  return items
    .map((item) => titleItem(item, g, unit))
    .filter((s): s is string => s !== undefined)
    .join(' ');
}

/** Why a section gave nothing: its error message, or that it was not sampled. */
function why(sample: Sample, section: SectionName): string {
  const r = sample[section];
  return r === undefined ? 'not sampled' : r.ok ? 'no value in this sample' : r.error.message;
}

/** The tooltip: every glance item, in full words, with the reason for each missing one. */
export function glanceTooltip(sample: Sample, unit: TemperatureUnit): string {
  const summary = glanceSummary(sample);
  const { cpu: busy, cpuTemperature: c, battery: b, gpu: g, fan: rpm } = summary;
  const r = rates(summary);
  const left = b && minutesLeft(b);
  const batteryText =
    b?.percent === undefined
      ? `unavailable (${b ? 'no charge level' : why(sample, 'power')})`
      : `${formatPercent(b.percent, 0)} ${b.state}${left === undefined ? '' : `, ${formatMinutes(left)} ${b.state === 'charging' ? 'to full' : 'left'}`}`;
  return [
    `CPU ${busy === undefined ? `unavailable (${why(sample, 'cpu')})` : formatPercent(busy)}`,
    `CPU temperature ${c === undefined ? `unavailable (${why(sample, 'thermal')})` : formatTemperature(c, unit)}`,
    `Battery ${batteryText}`,
    `GPU ${g === undefined ? `unavailable (${why(sample, 'gpu')})` : formatPercent(g)}`,
    `Network ${r === undefined ? `unavailable (${why(sample, 'network')})` : `↓ ${formatRate(r.rx)} ↑ ${formatRate(r.tx)}`}`,
    `Fan ${rpm === undefined ? `unavailable (${why(sample, 'fans')})` : formatRpm(rpm)}`,
  ].join('\n');
}
