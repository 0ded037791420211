#!/usr/bin/env node
// Bundles scripts/record-snapshots.ts with esbuild (Node 20 does not run .ts) and runs it.
// Usage: npm run record:snapshots
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'scripts', 'record-snapshots.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'scripts', 'record-snapshots.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
process.chdir(root);
await import(pathToFileURL(outfile).href);
