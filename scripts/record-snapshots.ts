/**
 * Records a pair of RawSnapshots of this machine, two seconds apart, for derive's fixture tests
 * (test/fixtures/snapshots/linux-live-{a,b}.json): real, moving counters. (node_exporter's shared
 * fixture tree is sampled by the tests themselves, never recorded into the repo.)
 * Run with `npm run record:snapshots`.
 */
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join, resolve } from 'node:path';
import { createSampler } from '../src/core/sampler/sampler';
import type { RawSnapshot } from '../src/shared/raw';
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
    await sampler.close();
  }
}

mkdirSync(outDir, { recursive: true });
await pair(undefined, 2000, 'linux-live');
