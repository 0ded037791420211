/**
 * One sample as an ordered list of named cells, for wide row formats (CSV). Column names are the
 * catalogue's ids (src/shared/catalogue, docs/metrics.md), as in the history: a gauge under its id,
 * a state as its word, a counter as its rate under `<id>PerSec`. The busiest processes are
 * addressed by rank (`process.1.*` is the busiest, with its pid in `process.1.pid`) so the column
 * set stays fixed while processes come and go.
 */
import { PLANS, trackedCell } from '../../shared/catalogue';
import type { Sample } from '../../shared/sample';

export type Cell = number | string | boolean | undefined;

export interface FlattenOptions {
  /** Process slots (default 5). */
  readonly topProcesses?: number;
}

export function flattenSample(sample: Sample, options: FlattenOptions = {}): [string, Cell][] {
  const walk = { topProcesses: options.topProcesses ?? 5 };
  const out: [string, Cell][] = [];
  for (const { scope, csv } of PLANS) {
    const items = scope.items(sample, walk);
    if (items === undefined) continue;
    const attributes = (scope.attributes ?? []).filter((a) => a.csv === true);
    const slots = scope.csvSlots?.(walk);
    const count = slots ?? items.length;
    for (let i = 0; i < count; i++) {
      const item = items[i];
      // Ranked scopes keep empty slots, so the header written from the first sample fits every row.
      const prefix =
        slots === undefined ? scope.prefix(item) : scope.template.replace(/<[a-z]+>/, String(i + 1));
      for (const a of attributes)
        out.push([`${prefix}.${a.leaf}`, item === undefined ? undefined : a.get(item)]);
      for (const t of csv)
        out.push([prefix + t.suffix, item === undefined ? undefined : trackedCell(t.descriptor, item)]);
    }
  }
  return out;
}
