/**
 * /metrics and /api/snapshot bodies, rendered once per sample: the sample changes at the sampling
 * rate, scrapes can come much faster. Only the formats asked for are rendered, and gzipped only
 * when a client asks for that (Prometheus does: a 40 kB exposition becomes about 5 kB).
 */
import { gzipSync } from 'node:zlib';
import type { MetricFamily } from '../../core/export';
import { renderOpenMetrics } from '../../core/export';
import { prometheusFamilies, renderPrometheus } from '../../core/export';
import type { Sample } from '../../shared/sample';

export type BodyFormat = 'prometheus' | 'openmetrics' | 'json';

export type RenderedSample = (format: BodyFormat, gzip: boolean) => Buffer;

export function createRenderCache(topProcesses: number | undefined): (sample: Sample) => RenderedSample {
  let current: Sample | undefined;
  let families: MetricFamily[] | undefined;
  const bodies = new Map<string, Buffer>();
  const render = (sample: Sample, format: BodyFormat): string => {
    if (format === 'json') return JSON.stringify(sample);
    families ??= prometheusFamilies(sample, topProcesses === undefined ? {} : { topProcesses });
    return format === 'prometheus' ? renderPrometheus(families) : renderOpenMetrics(families);
  };
  return (sample) => {
    if (current !== sample) {
      current = sample;
      families = undefined;
      bodies.clear();
    }
    const body = (format: BodyFormat, gzip: boolean): Buffer => {
      const key = `${format}${gzip ? '.gz' : ''}`;
      let b = bodies.get(key);
      if (b === undefined) {
        b = gzip ? gzipSync(body(format, false)) : Buffer.from(render(sample, format));
        bodies.set(key, b);
      }
      return b;
    };
    return body;
  };
}

/** Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === 'x-gzip') && (q === undefined || Number(q.slice(2)) > 0);
  });
}
