/**
 * What happens to each sample in the main process, in order: OS thermal state filled in, history,
 * alerts (events become notifications and pushes), the tray glance, and the visible windows. One
 * stage failing is reported and does not stop the others: a broken notification must not freeze
 * the menu-bar title.
 */
import { PROCESS_RANK_SECTIONS, type ProcessRank } from '../../shared/process-rank';
import { sectionOfSeries } from '../../core/history';
import type { AlertEvent, AlertRule } from '../../shared/alert-types';
import type { ThermalPressure } from '../../shared/raw';
import type { Sample } from '../../shared/sample';
import { isSectionName } from '../../shared/sections';
import type { SectionName } from '../../shared/sections';
import { withThermalPressure } from './power';

export interface PipelineDeps {
  readonly thermal: () => ThermalPressure | undefined;
  readonly history: { push(sample: Sample): void };
  /** The current alert engine (rebuilt when the rules change). */
  readonly alerts: () => { evaluate(sample: Sample): AlertEvent[] };
  readonly onAlert: (event: AlertEvent) => void;
  readonly onTray: (sample: Sample) => void;
  readonly onWindows: (sample: Sample) => void;
  readonly onError: (stage: string, error: unknown) => void;
}

export interface Pipeline {
  handle(raw: Sample): void;
  latest(): Sample | undefined;
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  let latest: Sample | undefined;
  const stage = (name: string, fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      deps.onError(name, error);
    }
  };
  return {
    handle(raw) {
      const sample = withThermalPressure(raw, deps.thermal());
      latest = sample;
      stage('history', () => deps.history.push(sample));
      stage('alerts', () => {
        for (const event of deps.alerts().evaluate(sample)) stage('alert event', () => deps.onAlert(event));
      });
      stage('tray', () => deps.onTray(sample));
      stage('windows', () => deps.onWindows(sample));
    },
    latest: () => latest,
  };
}

/**
 * The sections the enabled alert rules read (core/alerts/metrics.ts names them): the section of
 * the series (core/history sectionOfSeries), except the named condition "battery.dischargingPercent",
 * which reads the power section.
 */
export function alertSections(rules: readonly AlertRule[]): SectionName[] {
  const out = new Set<SectionName>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const section = rule.metric === 'battery.dischargingPercent' ? 'power' : sectionOfSeries(rule.metric);
    if (isSectionName(section)) out.add(section);
    // A process figure that a demand-driven extra provides brings that extra (process-rank.ts).
    const extra =
      section === 'processes'
        ? PROCESS_EXTRA[rule.metric.slice(rule.metric.lastIndexOf('.') + 1)]
        : undefined;
    if (extra !== undefined) for (const needed of PROCESS_RANK_SECTIONS[extra]) out.add(needed);
  }
  return [...out];
}

/** Process series whose values need more than the process table, by the measure they rank. */
const PROCESS_EXTRA: Readonly<Record<string, ProcessRank>> = {
  diskReadBytesPerSec: 'disk',
  diskWriteBytesPerSec: 'disk',
  gpuPercent: 'gpu',
  powerW: 'energy',
};
