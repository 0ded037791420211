/**
 * derive() on real Linux snapshots:
 * - node_exporter's fixture tree (../shared/fixtures, never copied into the repo) read twice a
 *   second apart through the sampler at test time: cumulative values match what node_exporter
 *   printed (e2e-output.txt), and unchanged counters give rates of exactly 0;
 * - this kind of machine, recorded live two seconds apart (test/fixtures/snapshots, written by
 *   `npm run record:snapshots`): real moving counters stay within bounds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { derive } from '../../../src/core/derive/derive';
import { createSampler } from '../../../src/core/sampler/sampler';
import { seriesOf } from '../../../src/core/history/series';
import { buildProcessTree, flattenProcessTree } from '../../../src/shared/process-tree';
import type { Sample, SampleSections } from '../../../src/shared/sample';
import {
  HAS_NODE_EXPORTER,
  NODE_EXPORTER_DIR,
  NODE_EXPORTER_SKIP_REASON,
  nodeExporterRoot,
} from '../../helpers/linux-fixtures';
import { readPromText, samplesOf, valueOf } from '../../helpers/prom-text';
import { snapshotFromJson } from '../../helpers/snapshot-json';

const dir = resolve(process.cwd(), 'test/fixtures/snapshots');
const load = (name: string) => snapshotFromJson(readFileSync(join(dir, name), 'utf8'));

function section<K extends keyof SampleSections>(s: Sample, key: K): SampleSections[K] {
  const r = s[key];
  if (!r?.ok) throw new Error(`${key}: ${JSON.stringify(r)}`);
  return r.value as SampleSections[K];
}

describe.skipIf(!HAS_NODE_EXPORTER)(
  `derive on node_exporter's fixture tree (${NODE_EXPORTER_SKIP_REASON} otherwise)`,
  () => {
    let s: Sample;
    const prom = HAS_NODE_EXPORTER ? readPromText(join(NODE_EXPORTER_DIR, 'e2e-output.txt')) : [];
    beforeAll(async () => {
      const sampler = createSampler({ root: nodeExporterRoot() });
      try {
        const a = await sampler.sample();
        await new Promise((r) => setTimeout(r, 1000));
        s = derive(a, await sampler.sample());
      } finally {
        await sampler.close();
      }
    });

    it('reports cumulative CPU seconds equal to node_cpu_seconds_total', () => {
      const cpu = section(s, 'cpu');
      const golden = samplesOf(prom, 'node_cpu_seconds_total');
      expect(golden.length).toBeGreaterThan(0);
      for (const g of golden) {
        const core = cpu.coreSecondsTotal[Number(g.labels['cpu'])];
        expect(core?.[g.labels['mode'] as keyof typeof core]).toBeCloseTo(g.value, 6);
      }
      expect(cpu.usage).toBeUndefined(); // no tick elapsed between the two reads of a static tree
    });

    it('gives rates of exactly 0 for counters that did not move', () => {
      expect(s.intervalMs).toBeGreaterThanOrEqual(900);
      // This tree has no network counters at all (no proc/net/dev, no statistics/), so its network
      // section is an error rather than invented zeros (test/native/node-exporter.test.ts).
      expect(s.network?.ok).toBe(false);
      for (const d of section(s, 'disks').devices) expect(d.readBytesPerSec).toBe(0);
      for (const r of section(s, 'rails').rails) expect(r.watts).toBe(0);
    });

    it('computes battery health from energy_full / energy_full_design', () => {
      const bat = section(s, 'power').batteries.find((x) => x.id === 'BAT0');
      const l = { power_supply: 'BAT0' };
      const expected =
        (100 * valueOf(prom, 'node_power_supply_energy_full', l)) /
        valueOf(prom, 'node_power_supply_energy_full_design', l);
      expect(bat?.healthPercent).toBeCloseTo(expected, 9);
    });

    it('computes swap used % from SwapTotal − SwapFree, used %, and a PSI pressure level', () => {
      const m = section(s, 'memory');
      const swapTotal = valueOf(prom, 'node_memory_SwapTotal_bytes');
      const swapFree = valueOf(prom, 'node_memory_SwapFree_bytes');
      expect(m.swapUsedPercent).toBeCloseTo((100 * (swapTotal - swapFree)) / swapTotal, 9);
      expect(m.totalBytes).toBe(valueOf(prom, 'node_memory_MemTotal_bytes'));
      expect(m.usedPercent).toBeCloseTo((100 * m.usedBytes) / m.totalBytes, 9);
      expect(m).toMatchObject({ pressure: 'normal', pressureSource: 'psi' });
    });

    it('groups the fixture sensors: coretemp and the cpu thermal zone as cpu, Wi-Fi PHYs as other', () => {
      const groups = Object.fromEntries(section(s, 'thermal').sensors.map((x) => [x.id, x.group]));
      expect(groups['platform_coretemp_0/temp1']).toBe('cpu');
      expect(groups['platform_coretemp_1/temp5']).toBe('cpu');
      expect(groups['thermal_zone0/temp']).toBe('cpu');
      expect(groups['ieee80211_phy0_mt7996_phy0_0/temp1']).toBe('other');
      expect(groups['hwmon4/temp1']).toBe('other');
    });
  },
);

const hasLive = existsSync(join(dir, 'linux-live-a.json'));

describe.skipIf(!hasLive)('derive on a live Linux recording', () => {
  const a = load('linux-live-a.json');
  const b = load('linux-live-b.json');
  const s = derive(a, b);

  it('gives CPU shares that add up to 100 and a positive interval', () => {
    expect(s.intervalMs).toBeGreaterThan(1000);
    const cpu = section(s, 'cpu');
    for (const u of [cpu.usage, ...cpu.cores.map((c) => c.usage)]) {
      expect(u).toBeDefined();
      if (!u) continue;
      expect(u.user + u.nice + u.system + u.idle + u.iowait + u.irq + u.softirq + u.steal).toBeCloseTo(
        100,
        6,
      );
      expect(u.busy).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps process figures within bounds and builds a complete tree', () => {
    const cpu = section(s, 'cpu');
    const { processes, count } = section(s, 'processes');
    let withCpu = 0;
    for (const p of processes) {
      if (p.cpuPercent !== undefined) {
        withCpu++;
        expect(p.cpuPercent).toBeGreaterThanOrEqual(0);
        expect(p.cpuPercent).toBeLessThanOrEqual(cpu.logicalCores * 100);
      }
      expect(p.memPercent ?? 0).toBeLessThan(100);
    }
    expect(withCpu).toBeGreaterThan(count / 2);
    const forest = buildProcessTree(processes);
    expect(flattenProcessTree(forest)).toHaveLength(count);
    expect(forest.roots.some((r) => r.process.pid === 1)).toBe(true);
  });

  it('emits only finite series values', () => {
    const points = seriesOf(s);
    expect(points.length).toBeGreaterThan(10);
    for (const p of points) expect(Number.isFinite(p.value)).toBe(true);
    expect(points.some((p) => p.id.startsWith('network.') && p.id.endsWith('.rxBytesPerSec'))).toBe(true);
  });
});
