import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prometheusFamilies } from '../../src/core/export/prometheus';
import { fullSample } from '../core/export/full-sample';

interface Dashboard {
  readonly panels: readonly {
    readonly title: string;
    readonly targets: readonly { readonly expr: string }[];
  }[];
  readonly templating: { readonly list: readonly { readonly definition: string }[] };
}

const dashboard = JSON.parse(
  readFileSync(resolve(process.cwd(), 'contrib/grafana-dashboard.json'), 'utf8'),
) as Dashboard;
const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
const queries = [...exprs, ...dashboard.templating.list.map((v) => v.definition)];
const PROMTOOL = '/usr/bin/promtool';

describe('contrib/grafana-dashboard.json', () => {
  it('queries only metrics we export', () => {
    const ours = new Set(prometheusFamilies(fullSample()).map((f) => f.name));
    const used = new Set(queries.flatMap((q) => q.match(/\b(?:node|darwinmetrics)_[a-zA-Z0-9_]+/g) ?? []));
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((name) => !ours.has(name))).toEqual([]);
  });

  it.runIf(existsSync(PROMTOOL))('holds PromQL that Prometheus parses (promtool check rules)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmetrics-grafana-'));
    try {
      // Grafana's own variables become what Grafana would substitute.
      const rules = exprs.map(
        (e, i) =>
          `      - record: dashboard:expr${i}\n        expr: ${JSON.stringify(e.replaceAll('$__rate_interval', '1m').replaceAll('$instance', '.*'))}`,
      );
      const file = join(dir, 'rules.yml');
      writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`);
      const r = spawnSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`).toMatch(new RegExp(`SUCCESS: ${exprs.length} rules found`));
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
