/**
 * OpenMetrics 1.0 text (https://github.com/OpenObservability/OpenMetrics/blob/main/specification/OpenMetrics.md):
 * counter families are named without `_total` and their samples carry it; `# UNIT` where the name
 * ends in the unit; `# EOF` ends the exposition.
 */
import type { MetricFamily } from './family';
import { escapeLabelValue, formatLabels, formatValue } from './prometheus';
import { wellFormed } from './text';

export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

/** HELP in OpenMetrics escapes backslash, line feed and double quote. */
function escapeHelp(text: string): string {
  return escapeLabelValue(wellFormed(text));
}

export function renderOpenMetrics(families: readonly MetricFamily[]): string {
  const out: string[] = [];
  for (const f of families) {
    const base = f.type === 'counter' ? f.name.replace(/_total$/, '') : f.name;
    out.push(`# TYPE ${base} ${f.type}`);
    if (f.unit !== undefined && base.endsWith(`_${f.unit}`)) out.push(`# UNIT ${base} ${f.unit}`);
    out.push(`# HELP ${base} ${escapeHelp(f.help)}`);
    const sampleName = f.type === 'counter' ? `${base}_total` : base;
    for (const p of f.points) out.push(`${sampleName}${formatLabels(p.labels)} ${formatValue(p.value)}`);
  }
  out.push('# EOF');
  return out.join('\n') + '\n';
}

/**
 * Picks the format for an Accept header: OpenMetrics only when the client lists it with a quality
 * above that of text/plain (Prometheus sends both, preferring OpenMetrics when enabled).
 */
export function wantsOpenMetrics(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  let om = -1;
  let text = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    if (type === 'application/openmetrics-text') om = Math.max(om, q);
    else if (type === 'text/plain' || type === '*/*' || type === 'text/*') text = Math.max(text, q);
  }
  return om > 0 && om >= text;
}
