// The metric catalogue: its table is well-formed, docs/metrics.md is generated from it, and every
// output names and values each quantity the way its one entry says (issue 11 "names agree").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { influxPoints, prometheusFamilies } from '../../src/core/export';
import { flattenSample } from '../../src/core/export/flatten';
import { seriesOf } from '../../src/core/history';
import {
  CATALOGUE,
  PLANS,
  describeSeries,
  influxField,
  metricsOfSection,
  promSpecs,
  trackedCell,
  trackedNumber,
} from '../../src/shared/catalogue';
import { renderMetricsDoc } from '../../scripts/render-metrics-doc';
import { fullSample } from '../core/export/full-sample';

const sample = fullSample();
const WALK = { topProcesses: 10 };

describe('the catalogue table', () => {
  it('has unique ids, and each Prometheus family one type and help text', () => {
    const ids = CATALOGUE.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const families = new Map<string, string>();
    for (const d of CATALOGUE) {
      for (const spec of promSpecs(d)) {
        expect(spec.name).toMatch(/^[a-z_][a-z0-9_]*$/);
        expect(spec.name.endsWith('_total'), spec.name).toBe(d.kind === 'counter');
        const shape = `${d.kind}|${spec.help}`;
        expect(families.get(spec.name) ?? shape, spec.name).toBe(shape);
        families.set(spec.name, shape);
      }
    }
  });

  it('gives states their words and counters in the history a rate', () => {
    for (const d of CATALOGUE) {
      if (d.kind === 'state') expect(d.states?.length, d.id).toBeGreaterThan(1);
      if (d.kind === 'counter' && d.history) expect(d.rate, d.id).toBeDefined();
    }
  });

  it('answers by section and maps every history id back to its entry', () => {
    expect(metricsOfSection('network').map((d) => d.id)).toContain('network.<interface>.rxBytes');
    for (const p of seriesOf(sample)) expect(describeSeries(p.id), p.id).toBeDefined();
    expect(describeSeries('disks.nvme0n1.readBytesPerSec')).toEqual({
      descriptor: CATALOGUE.find((d) => d.id === 'disks.<device>.readBytes'),
      instance: 'nvme0n1',
    });
    expect(describeSeries('thermal.platform_coretemp_0/temp1')?.instance).toBe('platform_coretemp_0/temp1');
    expect(describeSeries('memory.pressureLevel')?.descriptor.id).toBe('memory.pressure');
  });
});

describe('docs/metrics.md', () => {
  it('is what `npm run docs:metrics` generates from the catalogue (run it after changing an entry)', () => {
    expect(readFileSync('docs/metrics.md', 'utf8')).toBe(renderMetricsDoc());
  });
});

describe('every output agrees with the catalogue', () => {
  const series = new Map(seriesOf(sample).map((p) => [p.id, p.value]));
  const csv = new Map(flattenSample(sample, WALK));
  const families = prometheusFamilies(sample);
  const points = influxPoints(sample);
  let checked = 0;

  for (const { scope, all } of PLANS) {
    const items = scope.items(sample, WALK) ?? [];
    it(`${scope.name}: history, CSV, Prometheus and InfluxDB carry each entry's value`, () => {
      items.forEach((item, rank) => {
        const prefix = scope.prefix(item);
        const csvPrefix = scope.csvSlots ? scope.template.replace(/<[a-z]+>/, String(rank + 1)) : prefix;
        const tags = scope.influxTags(item);
        const point = points.find(
          (p) =>
            p.measurement === scope.measurement && Object.entries(tags).every(([k, v]) => p.tags[k] === v),
        );
        for (const d of all) {
          const suffix = d.leaf === '' ? '' : `.${d.leaf}`;
          const tracked =
            d.kind === 'counter' ? `${suffix}PerSec` : d.kind === 'state' ? `${suffix}Level` : suffix;
          const n = trackedNumber(d, item);
          if (d.history && n !== undefined) expect(series.get(prefix + tracked), d.id).toBe(n);
          const c = trackedCell(d, item);
          if (c !== undefined)
            expect(csv.get(csvPrefix + (d.kind === 'counter' ? `${suffix}PerSec` : suffix)), d.id).toBe(c);
          const v = d.get(item);
          if (v === undefined) continue;
          if (d.noInflux !== true) {
            const field = point?.fields[influxField(d)];
            expect(field?.v === undefined ? undefined : field.v, `${d.id} influx`).toEqual(
              field?.kind === 'bool' ? v !== 0 : v,
            );
          }
          for (const spec of promSpecs(d)) {
            if (spec.when && !spec.when(item)) continue;
            const labels = spec.labels ? spec.labels(item) : scope.promLabels(item);
            const family = families.find((f) => f.name === spec.name);
            const found = family?.points.filter((p) =>
              labels.every(([k, l]) => p.labels.some(([pk, pl]) => pk === k && pl === l)),
            );
            if (d.kind === 'state') {
              const current = found?.find((p) =>
                p.labels.some(([k, l]) => k === (spec.stateLabel ?? 'level') && l === v),
              );
              expect(current?.value, `${spec.name} ${String(v)}`).toBe(1);
            } else {
              const want = typeof v === 'number' && spec.scale ? spec.scale(v) : v;
              expect(
                found?.map((p) => p.value),
                spec.name,
              ).toContain(want);
            }
          }
          checked++;
        }
      });
    });
  }

  it('checked a value of most entries (the full sample is not a trivial one)', () => {
    expect(checked).toBeGreaterThan(CATALOGUE.length);
  });
});
