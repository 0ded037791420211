/**
 * /metrics and /api/snapshot bodies, rendered once per sample: the sample changes at the sampling
 * rate, scrapes can come much faster. Only the formats asked for are rendered.
 */
import type { MetricFamily } from '../../core/export/family';
import { renderOpenMetrics } from '../../core/export/openmetrics';
import { prometheusFamilies, renderPrometheus } from '../../core/export/prometheus';
import type { Sample } from '../../shared/sample';

export interface RenderedSample {
  prometheus(): Buffer;
  openMetrics(): Buffer;
  json(): Buffer;
}

export function createRenderCache(topProcesses: number | undefined): (sample: Sample) => RenderedSample {
  let cache:
    { sample: Sample; prom?: Buffer; om?: Buffer; json?: Buffer; families?: MetricFamily[] } | undefined;
  return (sample) => {
    if (cache?.sample !== sample) cache = { sample };
    const c = cache;
    const families = () =>
      (c.families ??= prometheusFamilies(sample, topProcesses === undefined ? {} : { topProcesses }));
    return {
      prometheus: () => (c.prom ??= Buffer.from(renderPrometheus(families()))),
      openMetrics: () => (c.om ??= Buffer.from(renderOpenMetrics(families()))),
      json: () => (c.json ??= Buffer.from(JSON.stringify(sample))),
    };
  };
}
