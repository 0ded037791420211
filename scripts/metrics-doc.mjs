#!/usr/bin/env node
// `npm run docs:metrics`: bundles scripts/render-metrics-doc.ts with esbuild (Node 20 does not run .ts) and
// writes docs/metrics.md from the metric catalogue.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'scripts', 'metrics-doc.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'scripts', 'render-metrics-doc.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { renderMetricsDoc } = await import(pathToFileURL(outfile).href);
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'metrics.md'), renderMetricsDoc());
console.log('docs/metrics.md written');
