#!/usr/bin/env node
// Bundles scripts/record-snapshots.ts (scripts/bundle-ts.mjs) and runs it.
// Usage: npm run record:snapshots
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleTs, repoRoot as root } from './bundle-ts.mjs';

const outfile = join(root, 'dist', 'scripts', 'record-snapshots.mjs');
await bundleTs(join(root, 'scripts', 'record-snapshots.ts'), outfile);
process.chdir(root);
await import(pathToFileURL(outfile).href);
