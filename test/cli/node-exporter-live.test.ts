/**
 * Same name, same meaning (issue 11 §10): node_exporter and our /metrics side by side on this
 * machine. Every series both expose (same name and labels) must agree within the drift between two
 * of node_exporter's scrapes taken around ours: a counter lies between the two readings; a gauge
 * lies within their range widened by how far they moved. A gauge can move and come back between
 * scrapes (free space on a busy disk), so a series that disagrees is compared again in a fresh
 * round; one that disagrees in every round means something else than node_exporter's.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampler, type Sampler } from '../../src/core';
import { derive } from '../../src/core/derive';
import { samplePrometheus } from '../../src/core/export';
import { NODE_EXPORTER_BIN, startNodeExporter, type NodeExporter } from './helpers/node-exporter';

const ROUNDS = 3;
const HAS_BIN = existsSync(NODE_EXPORTER_BIN);
const REASON = `${NODE_EXPORTER_BIN} is absent (apt-get install prometheus-node-exporter)`;
if (!HAS_BIN) {
  if (process.env['CI'] === 'true') throw new Error(REASON);
  console.warn(`skipped: ${REASON}`);
}

interface Series {
  readonly value: number;
  readonly type: string;
}

/** Prometheus text → series keyed by name and sorted labels, with their family's TYPE. */
function parse(text: string): Map<string, Series> {
  const types = new Map<string, string>();
  const out = new Map<string, Series>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = (m[2] ?? '').match(/[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"/g) ?? [];
    out.set(`${m[1]}{${labels.sort().join(',')}}`, {
      value: Number(m[3]),
      type: types.get(m[1]!) ?? 'untyped',
    });
  }
  return out;
}

function agrees(before: number, ours: number, after: number, type: string): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(ours));
  if (type === 'counter') return before - eps <= ours && ours <= after + eps;
  const drift = Math.abs(after - before);
  return Math.min(before, after) - drift - eps <= ours && ours <= Math.max(before, after) + drift + eps;
}

describe.skipIf(!HAS_BIN)('our /metrics next to node_exporter on this machine', { timeout: 60_000 }, () => {
  let exporter: NodeExporter;
  let sampler: Sampler;
  beforeAll(async () => {
    exporter = await startNodeExporter();
    sampler = createSampler();
  });
  afterAll(async () => {
    await exporter?.stop();
    sampler?.close();
  });

  it('agrees on every series both expose', async () => {
    let pending: Set<string> | undefined;
    let compared = 0;
    const last = new Map<string, string>();
    for (let round = 0; round < ROUNDS && (pending === undefined || pending.size > 0); round++) {
      const before = parse(await exporter.scrape());
      const ours = parse(samplePrometheus(derive(undefined, await sampler.sample())));
      const after = parse(await exporter.scrape());
      const next = new Set<string>();
      for (const [key, mine] of ours) {
        if (pending !== undefined && !pending.has(key)) continue;
        const a = before.get(key);
        const b = after.get(key);
        if (a === undefined || b === undefined) continue;
        expect(mine.type, key).toBe(a.type);
        if (round === 0) compared++;
        if (!agrees(a.value, mine.value, b.value, a.type)) {
          next.add(key);
          last.set(key, `node_exporter ${a.value} then ${b.value}, ours ${mine.value}`);
        }
      }
      pending = next;
    }
    const disagreements = [...(pending ?? [])].map((k) => `${k}: ${last.get(k)}`);
    expect(disagreements).toEqual([]);
    // The collectors above overlap on dozens of series on any Linux machine (cpu, load, disks,
    // network, filesystems): far fewer means the comparison stopped comparing.
    expect(compared).toBeGreaterThan(20);
  });

  it('reports lo as down, as node_exporter does (operstate "unknown" is not "up")', async () => {
    const theirs = parse(await exporter.scrape()).get('node_network_up{device="lo"}');
    const ours = parse(samplePrometheus(derive(undefined, await sampler.sample()))).get(
      'node_network_up{device="lo"}',
    );
    expect(theirs?.value).toBe(0);
    expect(ours?.value).toBe(0);
  });
});
