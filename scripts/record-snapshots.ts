/**
 * Records pairs of RawSnapshots for derive's fixture tests (test/fixtures/snapshots/*.json):
 * - linux-node-exporter-{a,b}.json: node_exporter's fixture tree (../shared/fixtures) read through
 *   createSampler({ root }) twice, one second apart. The tree does not change, so counters are
 *   equal and rates must come out as exactly 0.
 * - linux-live-{a,b}.json (with --live): this machine, two seconds apart: real, moving counters.
 * Run with `node scripts/record-snapshots.mjs [--live]`.
 */
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join, resolve } from 'node:path';
import { createSampler } from '../src/core/sampler';
import type { RawSnapshot } from '../src/shared/raw';
import { HAS_NODE_EXPORTER, nodeExporterRoot } from '../test/helpers/linux-fixtures';
import { snapshotToJson } from '../test/helpers/snapshot-json';

const outDir = resolve(process.cwd(), 'test/fixtures/snapshots');

/** Written formatted as the repository's Prettier config wants, complete or not at all (temp + rename). */
async function write(name: string, snap: RawSnapshot): Promise<void> {
  const file = join(outDir, name);
  const tmp = `${file}.tmp`;
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(tmp, await format(snapshotToJson(snap), { ...options, parser: 'json' }));
  renameSync(tmp, file);
  console.error(`record-snapshots: wrote ${file}`);
}

async function pair(root: string | undefined, gapMs: number, prefix: string): Promise<void> {
  const sampler = createSampler(root === undefined ? {} : { root });
  try {
    const a = await sampler.sample();
    await new Promise((r) => setTimeout(r, gapMs));
    const b = await sampler.sample();
    await write(`${prefix}-a.json`, a);
    await write(`${prefix}-b.json`, b);
  } finally {
    sampler.close();
  }
}

mkdirSync(outDir, { recursive: true });
if (!HAS_NODE_EXPORTER) {
  console.error('record-snapshots: ../shared/fixtures/linux/node-exporter is absent; nothing recorded');
  process.exit(1);
}
await pair(nodeExporterRoot(), 1000, 'linux-node-exporter');
if (process.argv.includes('--live')) await pair(undefined, 2000, 'linux-live');
