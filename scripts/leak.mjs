#!/usr/bin/env -S node --expose-gc
// `npm run test:leak [-- --samples N]`: takes N (default 10,000) full samples in a row on the live
// machine and on a fixture tree, plus 1,000 open/sample/close cycles, and fails when resident
// memory or the JS heap keeps growing after warm-up. Prints one JSON document.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
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

/** Descriptors this process has open (Linux); the sampler keeps proc/<pid>/stat and io open. */
const openDescriptors = () => (process.platform === 'linux' ? readdirSync('/proc/self/fd').length : 0);

async function run(label, rootDir, count) {
  const fdsBefore = openDescriptors();
  const sampler = new addon.Sampler({ root: rootDir });
  const warm = Math.floor(count / 5);
  let base;
  let fdsMost = 0;
  let listedMost = 0;
  for (let i = 0; i < count; i++) {
    if (i === warm) base = memory();
    const snap = await sampler.sample();
    if (typeof snap.t !== 'number') throw new Error('bad snapshot');
    if (i % 100 === 0) {
      fdsMost = Math.max(fdsMost, openDescriptors() - fdsBefore);
      listedMost = Math.max(listedMost, snap.processes?.ok ? snap.processes.value.count : 0);
    }
  }
  await sampler.close();
  const end = memory();
  const growth = {
    rss: end.rss - base.rss,
    heap: end.heap - base.heap,
    external: end.external - base.external,
  };
  // At most stat and io per listed process (plus the proc folder and a few others) while sampling,
  // and every one of them released by close().
  const descriptors = {
    mostHeld: fdsMost,
    allowed: 2 * listedMost + 16,
    afterClose: openDescriptors() - fdsBefore,
  };
  const ok =
    Object.keys(LIMIT).every((k) => growth[k] <= LIMIT[k]) &&
    descriptors.mostHeld <= descriptors.allowed &&
    descriptors.afterClose <= 0;
  return { label, samples: count, growthBytes: growth, descriptors, ok };
}

/**
 * The backend alone, without Node: heap bytes in use must stay flat over the samples (a cache
 * that never forgets would show here), and LeakSanitizer must find nothing at exit.
 */
function nativeLeakCheck() {
  const cxx = ['clang++-14', 'clang++', 'g++'].find((c) => spawnSync(c, ['--version']).status === 0);
  if (!cxx) return [{ label: 'native', ok: false, error: 'no C++ compiler' }];
  const out = join(root, 'build', 'leak');
  mkdirSync(out, { recursive: true });
  const sources = [
    'native/test/leak_harness.cc',
    'native/src/raw.cc',
    'native/src/utf8.cc',
    ...readdirSync(join(root, 'native/src/linux'))
      .filter((f) => f.endsWith('.cc'))
      .map((f) => `native/src/linux/${f}`),
  ];
  const build = (name, flags) => {
    const bin = join(out, name);
    const r = spawnSync(cxx, ['-std=c++17', '-O1', '-g', ...flags, ...sources, '-ldl', '-o', bin], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`test:leak: building ${name} failed`);
    return bin;
  };
  const count = String(Math.min(samples, 5000));
  const plain = spawnSync(build('leak-harness', []), ['/', count], { encoding: 'utf8' });
  const figures = plain.status === 0 ? JSON.parse(plain.stdout) : {};
  const growth = (figures.endInUseBytes ?? Infinity) - (figures.warmInUseBytes ?? 0);
  const lsan = spawnSync(build('leak-harness-lsan', ['-fsanitize=address']), ['/', '500'], {
    encoding: 'utf8',
    env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' },
  });
  return [
    // 64 KiB: allocator bookkeeping, far below one leaked byte per process per sample.
    {
      label: 'native-in-use',
      samples: Number(count),
      growthBytes: { heapInUse: growth },
      ok: growth <= 64 * 1024,
    },
    {
      label: 'native-lsan',
      samples: 500,
      ok: lsan.status === 0,
      ...(lsan.status === 0 ? {} : { report: lsan.stderr.slice(-2000) }),
    },
  ];
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
results.push(...nativeLeakCheck());
const ok = results.every((r) => r.ok);
console.log(JSON.stringify({ ok, limitBytes: LIMIT, results }, null, 2));
process.exit(ok ? 0 : 1);
