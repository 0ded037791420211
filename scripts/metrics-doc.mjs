#!/usr/bin/env node
// `npm run docs:metrics`: bundles scripts/render-metrics-doc.ts (scripts/bundle-ts.mjs) and writes
// docs/metrics.md from the metric catalogue.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleTs, repoRoot as root } from './bundle-ts.mjs';

const outfile = join(root, 'dist', 'scripts', 'metrics-doc.mjs');
await bundleTs(join(root, 'scripts', 'render-metrics-doc.ts'), outfile);
const { renderMetricsDoc } = await import(pathToFileURL(outfile).href);
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'metrics.md'), renderMetricsDoc());
console.log('docs/metrics.md written');
