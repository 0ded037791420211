/**
 * The one packing helper for the npm package checks (issue 12): builds the prebuild for this
 * machine with prebuildify exactly as the release workflow does, packs the package with `npm pack`,
 * and installs the tarball into a temporary project whose PATH holds node and npm but no compiler,
 * so the install can only succeed through the prebuild. One pack per run: the result is cached.
 */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface PackedPackage {
  /** Paths inside the tarball, as `npm pack --json` lists them. */
  readonly files: readonly string[];
  /** The temporary project with the tarball installed. */
  readonly project: string;
  /** PATH for commands run in the project: node and npm only. */
  readonly path: string;
  readonly cleanup: () => void;
}

function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} (in ${cwd}) failed with ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r;
}

/**
 * A folder with only node, npm, npx and sh (npm runs install scripts with `sh -c`): no cc, c++,
 * make or python for node-gyp to fall back on.
 */
function compilerFreeBin(dir: string): string {
  mkdirSync(dir);
  const nodeBin = dirname(process.execPath);
  for (const tool of ['node', 'npm', 'npx']) {
    if (existsSync(join(nodeBin, tool))) symlinkSync(join(nodeBin, tool), join(dir, tool));
  }
  symlinkSync('/bin/sh', join(dir, 'sh'));
  return dir;
}

/**
 * prebuildify in a scratch copy of the addon's sources (never in the repo, whose build/ other tests
 * load), then into the repo's prebuilds/ where `npm pack` picks it up, as in the release workflow.
 */
function buildPrebuild(work: string): void {
  const src = join(work, 'addon');
  mkdirSync(src);
  for (const f of ['package.json', 'binding.gyp']) cpSync(join(repoRoot, f), join(src, f));
  cpSync(join(repoRoot, 'native', 'src'), join(src, 'native', 'src'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(src, 'node_modules'));
  run('npx', ['prebuildify', '--napi', '--strip', '--tag-libc'], src);
  const platformDir = `${process.platform}-${process.arch}`;
  rmSync(join(repoRoot, 'prebuilds', platformDir), { recursive: true, force: true });
  cpSync(join(src, 'prebuilds', platformDir), join(repoRoot, 'prebuilds', platformDir), { recursive: true });
}

let packed: PackedPackage | undefined;

export function packAndInstall(): PackedPackage {
  if (packed) return packed;
  if (!existsSync(join(repoRoot, 'dist', 'types', 'core', 'index.d.ts'))) {
    throw new Error('dist/ is not built: run `npm run build:js` before the package tests.');
  }
  const work = mkdtempSync(join(tmpdir(), 'dm-pack-'));
  buildPrebuild(work);
  const out = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot).stdout;
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  const project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const path = compilerFreeBin(join(work, 'bin'));
  const env = { ...process.env, PATH: path };
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, info!.filename)],
    project,
    env,
  );
  packed = {
    files: info!.files.map((f) => f.path),
    project,
    path,
    cleanup: () => {
      rmSync(work, { recursive: true, force: true });
      // A prebuild left in the repo would make the next `npm install` (node-gyp-build) load it instead
      // of compiling the current sources into build/Release, which the other tests use.
      rmSync(join(repoRoot, 'prebuilds'), { recursive: true, force: true });
    },
  };
  return packed;
}

/** Runs a command in the installed project with the compiler-free PATH. */
export function runInProject(
  p: PackedPackage,
  cmd: string,
  args: readonly string[],
): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd: p.project, env: { ...process.env, PATH: p.path }, encoding: 'utf8' });
}

/** The prebuilds this run produced, for the assertions. */
export function prebuildFiles(): string[] {
  const dir = join(repoRoot, 'prebuilds', `${process.platform}-${process.arch}`);
  return existsSync(dir) ? readdirSync(dir) : [];
}
