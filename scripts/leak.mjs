#!/usr/bin/env -S node --expose-gc
// `npm run test:leak [-- --samples N]`: takes N (default 10,000) full samples in a row on the live
// machine and on a fixture tree, plus 1,000 open/sample/close cycles, and fails when resident
// memory or the JS heap keeps growing after warm-up. Prints one JSON document.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--samples');
const samples = at >= 0 ? Number(args[at + 1]) : 10_000;
if (!Number.isInteger(samples) || samples < 2000) {
  console.error('test:leak: --samples expects an integer ≥ 2000');
  process.exit(2);
}
if (typeof globalThis.gc !== 'function') {
  console.error('test:leak: run with node --expose-gc (npm run test:leak does)');
  process.exit(2);
}
const addon = createRequire(import.meta.url)(
  process.env.DARWINMETRICS_ADDON ?? join(root, 'build', 'Release', 'darwinmetrics.node'),
);

function memory() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers };
}

const MB = 1024 * 1024;
// Growth allowed between the warm-up point and the end: allocator slack, not a per-sample leak
// (a leak of even 100 bytes per sample would show as 0.8 MB over 8,000 samples).
const LIMIT = { rss: 8 * MB, heap: 4 * MB, external: 2 * MB };

async function run(label, rootDir, count) {
  const sampler = new addon.Sampler({ root: rootDir });
  const warm = Math.floor(count / 5);
  let base;
  for (let i = 0; i < count; i++) {
    if (i === warm) base = memory();
    const snap = await sampler.sample();
    if (typeof snap.t !== 'number') throw new Error('bad snapshot');
  }
  sampler.close();
  const end = memory();
  const growth = {
    rss: end.rss - base.rss,
    heap: end.heap - base.heap,
    external: end.external - base.external,
  };
  const ok = Object.keys(LIMIT).every((k) => growth[k] <= LIMIT[k]);
  return { label, samples: count, growthBytes: growth, ok };
}

const results = [];
results.push(await run('live', '/', samples));
results.push(await run('fixture', join(root, 'test/fixtures/linux/laptop'), samples));
{
  let base;
  for (let i = 0; i < 1000; i++) {
    if (i === 200) base = memory();
    const s = new addon.Sampler({ root: join(root, 'test/fixtures/linux/laptop') });
    await s.sample(['processes', 'power', 'thermal']);
    s.close();
  }
  const end = memory();
  const growth = {
    rss: end.rss - base.rss,
    heap: end.heap - base.heap,
    external: end.external - base.external,
  };
  results.push({
    label: 'open-close',
    samples: 1000,
    growthBytes: growth,
    ok: Object.keys(LIMIT).every((k) => growth[k] <= LIMIT[k]),
  });
}
const ok = results.every((r) => r.ok);
console.log(JSON.stringify({ ok, limitBytes: LIMIT, results }, null, 2));
process.exit(ok ? 0 : 1);
