/**
 * seriesOf(sample): the numbers tracked over time, as the metric catalogue (src/shared/catalogue,
 * listed in docs/metrics.md) declares them: every entry marked `history`, a gauge under its id, a
 * counter's rate under `<id>PerSec`, a state's level index under `<id>Level`. History records
 * them, the dashboard charts them and alert rules match them, so all agree on ids, labels and units.
 *
 * A value that is absent in the sample (a rate on the first sample, a failed section) is simply not
 * emitted: the history shows a gap, never a made-up zero.
 */
import { PLANS, seriesLabel } from '../../shared/catalogue';
import type { SeriesInfo } from '../../shared/history-types';
import type { Sample } from '../../shared/sample';

export interface SeriesPoint extends SeriesInfo {
  readonly value: number;
}

export interface SeriesOptions {
  /** How many of the busiest processes get series. Default DEFAULT_TOP_PROCESSES. */
  readonly topProcesses?: number;
}

/** Processes come and go; series for all of them would flood the history. The busiest only. */
export const DEFAULT_TOP_PROCESSES = 10;

/** Every series value in a sample, in section order. */
export function seriesOf(sample: Sample, options: SeriesOptions = {}): SeriesPoint[] {
  const top = options.topProcesses;
  if (top !== undefined && (!Number.isInteger(top) || top < 0)) {
    throw new RangeError(`seriesOf: options.topProcesses must be a whole number ≥ 0, got ${top}`);
  }
  const walk = { topProcesses: top ?? DEFAULT_TOP_PROCESSES };
  const out: SeriesPoint[] = [];
  for (const plan of PLANS) {
    const tracked = plan.history;
    if (tracked.length === 0) continue;
    // Read once per scope: the scope objects differ in shape, so per-item lookups would be slow.
    const { prefix: prefixOf, title: titleOf } = plan.scope;
    const items = plan.scope.items(sample, walk);
    if (items === undefined) continue;
    for (const item of items) {
      const prefix = prefixOf(item);
      const title = titleOf === undefined ? undefined : titleOf(item);
      for (const t of tracked) {
        const value = t.read(item);
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        out.push({ id: prefix + t.suffix, label: seriesLabel(title, t), unit: t.unit, value });
      }
    }
  }
  return out;
}

/** The section a series id belongs to ("process.12.cpuPercent" → "processes"). */
export function sectionOfSeries(id: string): string {
  const dot = id.indexOf('.');
  const head = dot < 0 ? id : id.slice(0, dot);
  return head === 'process' ? 'processes' : head;
}
