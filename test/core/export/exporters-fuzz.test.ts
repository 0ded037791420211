/** Property tests (fast-check) for the exporters' escaping: arbitrary text in, a parser reads it back. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, restoreCell } from '../../../src/core/export/csv';
import { escapeKey, escapeMeasurement, formatPoint, quoteString, str } from '../../../src/core/export/influx';
import { wantsOpenMetrics } from '../../../src/core/export/openmetrics';
import { escapeLabelValue, samplePrometheus } from '../../../src/core/export/prometheus';
import { wellFormed } from '../../../src/core/export/text';
import type { Sample } from '../../../src/shared/sample';
import { fullSample } from './full-sample';

/** The 0.0.4 label-value grammar, read back: \\ \" \n are the only escapes. */
function unescapeLabel(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

const anyText = fc.string({ unit: 'binary', maxLength: 40 });

describe('exporter escaping (property tests)', () => {
  it('Prometheus label values round-trip and never break the line', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const escaped = escapeLabelValue(s);
        expect(escaped).not.toMatch(/\n/);
        expect(escaped).not.toMatch(/(^|[^\\])(\\\\)*"/);
        expect(unescapeLabel(escaped)).toBe(wellFormed(s));
      }),
    );
  });

  it('a process with any name gives one well-formed line per series', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const base = fullSample();
        const procs = base.processes!.ok ? base.processes!.value : undefined;
        const sample: Sample = {
          ...base,
          processes: { ok: true, value: { count: 1, processes: [{ ...procs!.processes[0]!, name }] } },
        };
        const lines = samplePrometheus(sample)
          .split('\n')
          .filter((l) => l.startsWith('darwinmetrics_process_cpu_ratio{'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          /^darwinmetrics_process_cpu_ratio\{pid="100",name="(?:[^"\\\n]|\\[\\"n])*"\} 0\.5$/,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('CSV cells read back with csv-parse equal the text written', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 5 }), (cells) => {
        const line = cells.map(csvCell).join(',') + '\r\n';
        const [row] = parse(line, { relax_quotes: false }) as string[][];
        expect(row!.map(restoreCell)).toEqual(cells.map(wellFormed));
        for (const cell of row!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('line protocol keys, measurements and strings stay on one line with balanced escapes', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        for (const e of [escapeKey(a), escapeMeasurement(a)]) expect(e).not.toMatch(/[\r\n]/);
        expect(escapeKey(a)).not.toMatch(/(^|[^\\])(\\\\)*[ ,=]/);
        const q = quoteString(b);
        expect(q.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*"/);
        const line = formatPoint({ measurement: a || 'm', tags: { t: a }, fields: { s: str(b) }, t: 0 });
        expect(line).toBeDefined();
      }),
    );
  });

  it('Accept header negotiation never throws', () => {
    fc.assert(fc.property(fc.option(anyText, { nil: undefined }), (h) => void wantsOpenMetrics(h)));
  });
});
