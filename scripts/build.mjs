#!/usr/bin/env node
// Builds everything: the native addon (node-gyp), the Node-side bundles (CLI, library, Electron main
// and preload) with esbuild, the renderer with Vite, and the library's type declarations (tsc). `--js` skips the addon (npm install builds
// it through the package's install script).
import { build } from 'esbuild';
import { CLI_EXTERNALS } from './cli-externals.mjs';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addJsExtensions } from './dts-specifiers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jsOnly = process.argv.includes('--js');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`build: "${cmd} ${args.join(' ')}" failed with status ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

if (!jsOnly) run('npx', ['node-gyp', 'rebuild']);

rmSync(join(root, 'dist'), { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  // The CLI and the library: ESM for Node. The addon loader reaches node-gyp-build through
  // createRequire, which esbuild leaves alone: it stays a package dependency. The streaming packages
  // stay runtime dependencies too: the gRPC ones read their own .proto files next to their code, and
  // ws loads optional native helpers.
  build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', index: 'src/core/index.ts' },
    format: 'esm',
    outdir: 'dist',
    splitting: true,
    outExtension: { '.js': '.js' },
    external: CLI_EXTERNALS,
  }),
  // Electron main (ESM is supported by Electron ≥ 28) and the sandboxed preload, which must be CommonJS.
  build({
    ...common,
    entryPoints: { main: 'src/main/main.ts' },
    format: 'esm',
    outdir: 'dist/electron',
    outExtension: { '.js': '.mjs' },
    // electron-updater stays a package: it is CommonJS with lazy require()s that an ESM bundle cannot
    // carry, and electron-builder packs it (a dependency) into app.asar.
    external: ['electron', 'electron-updater'],
  }),
  build({
    ...common,
    entryPoints: { preload: 'src/preload/preload.ts' },
    format: 'cjs',
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);

run('npx', ['vite', 'build', '--logLevel', 'warn']);
// The library's declarations (package.json "exports" types → dist/types/core/index.d.ts).
run('npx', ['tsc', '-p', 'tsconfig.types.json']);
addJsExtensions(join(root, 'dist', 'types'));
console.log('build: done (dist/)');
