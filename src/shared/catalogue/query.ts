/**
 * Questions asked of the catalogue by the renderer, alerts and docs: which metrics a section has,
 * which descriptor a series id belongs to, what to call it.
 */
import type { SectionName } from '../sections';
import { CATALOGUE, PLANS } from './catalogue';
import { SCOPE_BY_NAME } from './scopes';
import type { AnyDescriptor, AnyScope } from './types';

/** The catalogue's entries for one section, in table order. */
export function metricsOfSection(section: SectionName): readonly AnyDescriptor[] {
  return CATALOGUE.filter((d) => d.section === section);
}

/** The entry with this id template (`disks.<device>.readBytes`), if any. */
export function metricById(id: string): AnyDescriptor | undefined {
  return CATALOGUE.find((d) => d.id === id);
}

export function scopeOf(d: AnyDescriptor): AnyScope {
  const scope = SCOPE_BY_NAME.get(d.scope);
  if (scope === undefined) throw new Error(`catalogue: ${d.id} names unknown scope ${d.scope}`);
  return scope;
}

export interface SeriesMatch {
  readonly descriptor: AnyDescriptor;
  /** The instance key (`sda`, `3`, a sensor id); undefined for a single-valued scope. */
  readonly instance?: string;
}

interface Matcher {
  readonly re: RegExp;
  readonly descriptor: AnyDescriptor;
  readonly literal: number;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One matcher per history series shape; the longest literal text is tried first (most specific). */
const MATCHERS: readonly Matcher[] = PLANS.flatMap((plan) =>
  plan.history.map((t) => {
    const template = `${plan.scope.template}${t.suffix}`;
    const source = escape(template).replace(/<[a-z]+>/g, '(.+)');
    return {
      re: new RegExp(`^${source}$`),
      descriptor: t.descriptor,
      literal: template.replace(/<[a-z]+>/g, '').length,
    };
  }),
).sort((a, b) => b.literal - a.literal);

/** The descriptor behind a history series id (`disks.sda.readBytesPerSec` → disks' readBytes). */
export function describeSeries(id: string): SeriesMatch | undefined {
  for (const m of MATCHERS) {
    const hit = m.re.exec(id);
    if (hit === null) continue;
    return hit[1] === undefined
      ? { descriptor: m.descriptor }
      : { descriptor: m.descriptor, instance: hit[1] };
  }
  return undefined;
}

/** Every history series shape as a template (`cpu.core.<cpu>.busy`), for docs and alert pickers. */
export function historyTemplates(): readonly {
  readonly template: string;
  readonly descriptor: AnyDescriptor;
  readonly unit: string;
}[] {
  return PLANS.flatMap((plan) =>
    plan.history.map((t) => ({
      template: `${plan.scope.template}${t.suffix}`,
      descriptor: t.descriptor,
      unit: t.unit,
    })),
  );
}
