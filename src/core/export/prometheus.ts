/**
 * Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format).
 */
import type { Sample } from '../../shared/sample';
import { wellFormed } from './text';
import { FamilyBuilder, type Labels, type MetricFamily } from './family';
import { addCatalogueFamilies } from './families-catalogue';
import { addInfoFamilies, addSectionFamilies } from './families-info';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface FamilyOptions {
  /** How many processes to export, busiest first (default 10): every process would explode cardinality. */
  readonly topProcesses?: number;
}

/** Every metric family of one sample, in a stable order. */
export function prometheusFamilies(sample: Sample, options: FamilyOptions = {}): MetricFamily[] {
  const topN = options.topProcesses ?? 10;
  if (!Number.isInteger(topN) || topN < 0)
    throw new RangeError(`topProcesses: expected a whole number >= 0, got ${topN}`);
  const b = new FamilyBuilder();
  addSectionFamilies(b, sample);
  addCatalogueFamilies(b, sample, { topProcesses: topN });
  addInfoFamilies(b, sample);
  return b.build();
}

/** Label value escaping of both formats: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return wellFormed(value).replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** HELP text escaping in 0.0.4: backslash and line feed only. */
export function escapeHelp(text: string): string {
  return wellFormed(text).replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}

export function formatLabels(labels: Labels): string {
  if (labels.length === 0) return '';
  return `{${labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/** Go's strconv.FormatFloat(v, 'g', -1, 64) style is not required; JS's shortest round-trip form parses the same. */
export function formatValue(value: number): string {
  return String(value);
}

export function renderPrometheus(families: readonly MetricFamily[]): string {
  const out: string[] = [];
  for (const f of families) {
    out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const p of f.points) out.push(`${f.name}${formatLabels(p.labels)} ${formatValue(p.value)}`);
  }
  return out.join('\n') + '\n';
}

/** /metrics body for one sample. */
export function samplePrometheus(sample: Sample, options?: FamilyOptions): string {
  return renderPrometheus(prometheusFamilies(sample, options));
}
