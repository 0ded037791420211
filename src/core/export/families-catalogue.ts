/**
 * The Prometheus families of the metric catalogue: each entry's `prom` spec names its family
 * (node_exporter's name where node_exporter has the metric), labels come from the entry's scope.
 */
import {
  PLANS,
  promSpecs,
  type AnyDescriptor,
  type AnyScope,
  type PromSpec,
  type WalkOptions,
} from '../../shared/catalogue';
import type { Sample } from '../../shared/sample';
import type { FamilyBuilder, Labels } from './family';

interface PromEntry {
  readonly descriptor: AnyDescriptor;
  readonly spec: PromSpec<unknown>;
}

const PROM_PLANS: readonly { readonly scope: AnyScope; readonly entries: readonly PromEntry[] }[] = PLANS.map(
  (plan) => ({
    scope: plan.scope,
    entries: plan.all.flatMap((descriptor) => promSpecs(descriptor).map((spec) => ({ descriptor, spec }))),
  }),
).filter((p) => p.entries.length > 0);

type Add = (value: number | undefined, labels?: Labels) => void;

function addPoint(add: Add, { descriptor: d, spec }: PromEntry, item: unknown, labels: Labels): void {
  if (spec.when !== undefined && !spec.when(item)) return;
  const l = spec.labels === undefined ? labels : spec.labels(item);
  if (d.kind === 'state') {
    const word = d.get(item);
    if (typeof word !== 'string') return;
    const key = spec.stateLabel ?? 'level';
    for (const state of d.states ?? []) add(word === state ? 1 : 0, [...l, [key, state]]);
    return;
  }
  const raw = spec.value === undefined ? d.get(item) : spec.value(item);
  if (typeof raw !== 'number') return;
  add(spec.scale === undefined ? raw : spec.scale(raw), l);
}

export function addCatalogueFamilies(b: FamilyBuilder, sample: Sample, walk: WalkOptions): void {
  for (const { scope, entries } of PROM_PLANS) {
    const items = scope.items(sample, walk);
    if (items === undefined) continue;
    const adds = entries.map(({ descriptor: d, spec }) =>
      b.family(spec.name, d.kind === 'counter' ? 'counter' : 'gauge', spec.help, spec.unit),
    );
    for (const item of items) {
      const labels = scope.promLabels(item);
      for (let i = 0; i < entries.length; i++) addPoint(adds[i]!, entries[i]!, item, labels);
    }
  }
}
