/**
 * derive() on residencies rebuilt from real powermetrics captures (../shared/fixtures/darwin/
 * powermetrics): each "HW active residency: A% (f1 MHz: p1% ...)" line plus its "idle residency"
 * becomes a pair of cumulative RawClusterResidency readings, and the derived MHz must match what
 * powermetrics itself printed as the cluster's or CPU's frequency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive/derive';
import { ok } from '../../../src/shared/metric-result';
import type { RawClusterResidency } from '../../../src/shared/raw';
import { fixturePresent } from '../../helpers/required-fixtures';
import { rawCpu, snap, ticks } from '../raw-builders';

const dir = path.resolve(process.cwd(), '../shared/fixtures/darwin/powermetrics');
const present = fixturePresent(dir, 'the powermetrics captures');

interface Capture {
  readonly file: string;
  readonly name: string;
  readonly reportedMhz: number;
  readonly activePercent: number;
  readonly idlePercent: number;
  readonly states: readonly (readonly [number, number])[];
}

function captures(): Capture[] {
  const out: Capture[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    const freq = new Map<string, number>();
    const idle = new Map<string, number>();
    const active: { name: string; percent: number; states: [number, number][] }[] = [];
    for (const line of lines) {
      let m = /^(.+?) (?:HW active )?frequency:\s+(\d+) MHz$/.exec(line);
      if (m) freq.set(m[1] ?? '', Number(m[2]));
      m = /^(.+?) idle residency:\s+([\d.]+)%$/.exec(line);
      if (m) idle.set(m[1] ?? '', Number(m[2]));
      m = /^(.+?) (?:HW )?active residency:\s+([\d.]+)% \((.*)\)$/.exec(line);
      if (m) {
        const states = [...(m[3] ?? '').matchAll(/(\d+) MHz:\s+([\d.]+)%/g)].map(
          (s) => [Number(s[1]), Number(s[2])] as [number, number],
        );
        active.push({ name: m[1] ?? '', percent: Number(m[2]), states });
      }
    }
    for (const a of active) {
      const reportedMhz = freq.get(a.name);
      const idlePercent = idle.get(a.name);
      if (reportedMhz === undefined || idlePercent === undefined) continue;
      // Below 10 % active, the 2-digit rounding of each printed share (".11%") moves the mean by
      // more than the rounding tolerance below, so such lines say nothing about our formula.
      if (a.percent < 10) continue;
      out.push({ file, name: a.name, reportedMhz, activePercent: a.percent, idlePercent, states: a.states });
    }
  }
  return out;
}

/** Cumulative counters: `before` at some earlier point, `after` = before + one interval's residency. */
function pair(c: Capture): [RawClusterResidency, RawClusterResidency] {
  // 24 MHz ticks for a 1 s window (README fact 13); any scale works, the figures are ratios.
  const window = 24e6;
  const stateMhz = c.states.map(([mhz]) => mhz);
  // Cluster lines print each state's share of ACTIVE time (they add up to ~100); per-CPU lines print
  // shares of the whole interval (they add up to the active %). Normalising covers both.
  const sum = c.states.reduce((a, [, p]) => a + p, 0);
  const base = stateMhz.map((_, i) => 1e9 + i * 12_345);
  const before = { name: c.name, stateMhz, activeTicks: base, idleTicks: 5e9 };
  const after = {
    name: c.name,
    stateMhz,
    activeTicks: base.map(
      (b, i) => b + Math.round((window * c.activePercent * (c.states[i]?.[1] ?? 0)) / (100 * sum)),
    ),
    idleTicks: 5e9 + Math.round((window * c.idlePercent) / 100),
  };
  return [before, after];
}

describe.skipIf(!present)(
  `derive on powermetrics residencies (real Apple Silicon captures)${present ? '' : ' (SKIPPED: ../shared/fixtures/darwin/powermetrics is absent)'}`,
  () => {
    const all = present ? captures() : [];

    it('finds clusters and CPUs in the captures', () => {
      expect(all.length).toBeGreaterThanOrEqual(6);
      expect(all.some((c) => c.name === 'P0-Cluster')).toBe(true);
    });

    it.each(all.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', (_label, c) => {
      const [before, after] = pair(c);
      const cpu = (r: RawClusterResidency) =>
        ok(rawCpu(ticks(), [ticks()], { arch: 'arm64', clusters: [r] }));
      const sample = derive(snap(0, { cpu: cpu(before) }), snap(1, { cpu: cpu(after) }));
      const cluster = sample.cpu?.ok ? sample.cpu.value.clusters?.[0] : undefined;
      // powermetrics prints shares rounded to 2 significant digits, so the rebuilt mean is within
      // about 0.5 % of the frequency it printed (README fact 15: 1575 vs 1578 MHz for the M1 Max E-cluster).
      expect(cluster?.mhz).toBeDefined();
      expect(Math.abs((cluster?.mhz ?? 0) - c.reportedMhz) / c.reportedMhz).toBeLessThan(0.006);
      expect(cluster?.activePercent).toBeCloseTo(
        (100 * c.activePercent) / (c.activePercent + c.idlePercent),
        0,
      );
    });
  },
);
