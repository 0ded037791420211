// Bundles one TypeScript entry of this repo into a runnable ESM file with esbuild, for the scripts
// that run TypeScript under Node 20 (which does not run .ts): packages stay external, and a
// `require` is defined for the bundled CommonJS that calls it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleTs(entry, outfile) {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
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
}
