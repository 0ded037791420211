import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOpenMetrics, wantsOpenMetrics } from '../../../src/core/export/openmetrics';
import {
  escapeLabelValue,
  prometheusFamilies,
  renderPrometheus,
  samplePrometheus,
} from '../../../src/core/export/prometheus';
import { fixturePresent } from '../../helpers/required-fixtures';
import { fullSample, partialSample } from './full-sample';

const PROMTOOL = '/usr/bin/promtool';
// .ci/run installs promtool: a local run without it skips those tests; CI=true fails (required-fixtures.ts).
const HAS_PROMTOOL = fixturePresent(PROMTOOL, 'promtool (apt-get install prometheus)');
const E2E = resolve(process.cwd(), '../shared/fixtures/linux/node-exporter/e2e-output.txt');

function promtool(text: string): { status: number | null; out: string } {
  const r = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('Prometheus text 0.0.4', () => {
  it('has HELP and TYPE before the samples of every family, and only finite values', () => {
    const text = samplePrometheus(fullSample());
    const lines = text.trimEnd().split('\n');
    const declared = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.startsWith('# HELP ')) {
        const name = line.split(' ')[2]!;
        expect(lines[i + 1]).toMatch(new RegExp(`^# TYPE ${name} (gauge|counter)$`));
        declared.add(name);
      } else if (!line.startsWith('#')) {
        const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)![0];
        expect(declared.has(name), name).toBe(true);
        expect(line).not.toMatch(/ (NaN|[+-]Inf)$/);
      }
    }
    expect(text).toContain('node_cpu_seconds_total{cpu="0",mode="idle"} 10870.69');
    expect(text).toContain('node_power_supply_capacity{power_supply="BAT0"} 81');
    expect(text).toContain('node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 55');
    expect(text).toContain('darwinmetrics_cpu_busy_ratio 0.25');
  });

  it('escapes backslash, quote and newline in label values and replaces lone surrogates', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(escapeLabelValue('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeLabelValue('LNV-45N1\uFFFD\uFFFD')).toBe('LNV-45N1\uFFFD\uFFFD');
    const text = samplePrometheus(fullSample());
    expect(text).toContain('model_name="LNV-45N1\uFFFD\uFFFD"');
    expect(text).toContain('name="new\\nline"');
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('reports failed sections as section_up 0 and never invents their metrics', () => {
    const text = samplePrometheus(partialSample());
    expect(text).toContain('darwinmetrics_section_up{section="fans",error="unsupported"} 0');
    expect(text).toContain('darwinmetrics_section_up{section="cpu"} 1');
    expect(text).not.toContain('node_hwmon_fan_rpm');
    expect(text).not.toContain('darwinmetrics_gpu_');
  });

  it('exports no memory pressure level where the machine reports none (absent, not "normal")', () => {
    const full = fullSample();
    const mem = full.memory;
    if (!mem?.ok) throw new Error('fullSample has memory');
    const { pressure: _pressure, pressureSource: _source, ...withoutLevel } = mem.value;
    const text = samplePrometheus({ ...full, memory: { ok: true, value: withoutLevel } });
    expect(text).not.toContain('darwinmetrics_memory_pressure');
    expect(text).toContain('node_memory_total_bytes');
    expect(samplePrometheus(full)).toContain('darwinmetrics_memory_pressure{level="normal"} 1');
  });

  it('exports only the busiest processes', () => {
    const fams = prometheusFamilies(fullSample(), { topProcesses: 3 });
    const cpu = fams.find((f) => f.name === 'darwinmetrics_process_cpu_ratio')!;
    expect(cpu.points.map((p) => p.value)).toEqual([0.5, 0.47, 0.44]);
    expect(() => prometheusFamilies(fullSample(), { topProcesses: -1 })).toThrow(/topProcesses/);
  });

  it('uses the names, labels and values node_exporter prints for the same readings', (ctx) => {
    if (!fixturePresent(E2E, "node_exporter's golden output"))
      ctx.skip(`node_exporter golden output absent (${E2E})`);
    const golden = readFileSync(E2E, 'utf8');
    const ours = samplePrometheus(fullSample()).split('\n');
    // Lines whose values the full sample copies from the fixture tree must be identical.
    for (const line of [
      'node_power_supply_capacity{power_supply="BAT0"} 81',
      'node_power_supply_energy_watthour{power_supply="BAT0"} 36.58',
      'node_power_supply_voltage_volt{power_supply="BAT0"} 11.66',
      'node_power_supply_power_watt{power_supply="BAT0"} 5.002',
      'node_power_supply_online{power_supply="AC"} 0',
      'node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 55',
      'node_hwmon_sensor_label{chip="platform_applesmc_768",label="Left side",sensor="fan1"} 1',
      'node_cpu_seconds_total{cpu="0",mode="user"} 444.9',
      'node_network_up{device="eth0"} 1',
    ]) {
      expect(golden.split('\n')).toContain(line);
      const name = line.slice(0, line.search(/[{ ]/));
      expect(
        ours.some((l) => l.startsWith(name)),
        name,
      ).toBe(true);
    }
    // Every node_* family we emit has the same TYPE in node_exporter, when node_exporter has it.
    for (const f of prometheusFamilies(fullSample())) {
      const m = new RegExp(`^# TYPE ${f.name} (\\w+)$`, 'm').exec(golden);
      if (m !== null) expect(f.type, f.name).toBe(m[1]);
    }
  });
});

describe('promtool check metrics', () => {
  it.runIf(HAS_PROMTOOL)('finds nothing to complain about in a full sample', () => {
    const r = promtool(samplePrometheus(fullSample()));
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });
  it.runIf(HAS_PROMTOOL)('accepts a partial sample too', () => {
    const r = promtool(samplePrometheus(partialSample()));
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });
  it.runIf(HAS_PROMTOOL)('is a real check: it rejects a counter without _total', () => {
    const r = promtool('# HELP x_bytes y\n# TYPE x_bytes counter\nx_bytes 1\n');
    expect(r.status).not.toBe(0);
  });
});

describe('OpenMetrics', () => {
  it('names counter families without _total, adds UNIT and ends with # EOF', () => {
    const text = renderOpenMetrics(prometheusFamilies(fullSample()));
    expect(text).toContain('# TYPE node_cpu_seconds counter\n# UNIT node_cpu_seconds seconds\n');
    expect(text).toContain('node_cpu_seconds_total{cpu="0",mode="idle"} 10870.69');
    expect(text).toContain('# TYPE node_load1 gauge\n# HELP node_load1');
    expect(text.endsWith('# EOF\n')).toBe(true);
  });
  it('negotiates from the Accept header', () => {
    expect(wantsOpenMetrics(undefined)).toBe(false);
    expect(wantsOpenMetrics('text/plain')).toBe(false);
    expect(
      wantsOpenMetrics('application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'),
    ).toBe(true);
    expect(wantsOpenMetrics('application/openmetrics-text;q=0.2,text/plain;q=0.9')).toBe(false);
  });
  it('renders the same points in both formats', () => {
    const fams = prometheusFamilies(fullSample());
    const pointLines = (t: string) => t.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(pointLines(renderOpenMetrics(fams))).toEqual(pointLines(renderPrometheus(fams)));
  });
});
