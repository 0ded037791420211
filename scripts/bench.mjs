#!/usr/bin/env node
// `npm run bench [-- name-filter]`: runs every bench/*.bench.{ts,mjs} as its own Node process and
// prints one JSON document: { machine, benches: { <name>: <the JSON the bench printed> } }.
// TypeScript benches are bundled first (scripts/bundle-ts.mjs). A bench prints
// exactly one JSON value on stdout; progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { bundleTs, repoRoot as root } from './bundle-ts.mjs';

const filter = process.argv[2] ?? '';
const outDir = join(root, 'dist', 'bench');
mkdirSync(outDir, { recursive: true });

const files = readdirSync(join(root, 'bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f) && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`bench: no bench/*.bench.{ts,mjs} file matches "${filter}"`);
  process.exit(2);
}

const benches = {};
let failed = 0;
for (const file of files) {
  const name = basename(file).replace(/\.bench\.(ts|mjs)$/, '');
  let entry = join(root, 'bench', file);
  if (file.endsWith('.ts')) {
    const outfile = join(outDir, `${name}.mjs`);
    await bundleTs(entry, outfile);
    entry = outfile;
  }
  console.error(`bench: running ${name}...`);
  const r = spawnSync(process.execPath, ['--expose-gc', entry], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    if (r.status !== 0) throw new Error(`exit status ${r.status}`);
    benches[name] = JSON.parse(r.stdout);
  } catch (err) {
    failed++;
    benches[name] = {
      error: String(err instanceof Error ? err.message : err),
      stdout: r.stdout?.slice(0, 2000),
    };
  }
}

const machine = {
  node: process.version,
  platform: process.platform,
  arch: process.arch,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memBytes: totalmem(),
};
process.stdout.write(JSON.stringify({ machine, benches }, null, 2) + '\n');
process.exit(failed ? 1 : 0);
