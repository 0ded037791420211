/**
 * The one place that finds and loads the native addon, in plain Node (CLI, tests) and in Electron
 * (development tree or packaged app.asar.unpacked). When nothing loads, one error lists every path
 * tried, why each failed, and what to do.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NativeAddon } from './native-types';

const ADDON_FILE = 'darwinmetrics.node';

/**
 * The prebuilt addon for this machine under <root>/prebuilds, chosen the way node-gyp-build (the
 * package's install script) chooses it: the platform-arch folder, then the file's tags (prebuildify
 * --napi --tag-libc writes darwinmetrics.glibc.node or .musl.node on Linux, darwinmetrics.node on
 * macOS). When it finds none, the untagged path stands in, so the error lists where it looked.
 */
function prebuildCandidate(root: string): string {
  try {
    const nodeGypBuild = createRequire(import.meta.url)('node-gyp-build') as {
      path(dir: string): string;
    };
    return nodeGypBuild.path(root);
  } catch {
    return join(root, 'prebuilds', `${process.platform}-${process.arch}`, ADDON_FILE);
  }
}

/** Walks up from `start` to the folder whose package.json names this package. */
export function findPackageRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
        if (
          typeof parsed === 'object' &&
          parsed !== null &&
          (parsed as { name?: unknown }).name === 'darwinmetrics'
        ) {
          return dir;
        }
      } catch {
        // An unreadable manifest is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface AddonSearch {
  /** Folder to start looking from (defaults to this module's folder). */
  readonly from?: string | undefined;
  /** Electron's process.resourcesPath in a packaged app. */
  readonly resourcesPath?: string | undefined;
  /** Explicit file, e.g. from the DARWINMETRICS_ADDON environment variable. */
  readonly explicitPath?: string | undefined;
  /** This file and no other (createSampler's addonPath): never a silent fallback to another build. */
  readonly onlyPath?: string | undefined;
}

/** Candidate paths, most specific first. Exported for tests. */
export function addonCandidates(search: AddonSearch): string[] {
  if (search.onlyPath) return [resolve(search.onlyPath)];
  const out: string[] = [];
  if (search.explicitPath) out.push(resolve(search.explicitPath));
  if (search.resourcesPath) {
    out.push(join(search.resourcesPath, 'app.asar.unpacked', 'build', 'Release', ADDON_FILE));
  }
  const root = search.from ? findPackageRoot(search.from) : undefined;
  if (root) {
    out.push(join(root, 'build', 'Release', ADDON_FILE));
    out.push(join(root, 'build', 'Debug', ADDON_FILE));
    out.push(prebuildCandidate(root));
  }
  return [...new Set(out)];
}

export class AddonLoadError extends Error {
  constructor(readonly attempts: readonly { path: string; error: string }[]) {
    const lines = attempts.length
      ? attempts.map((a) => `  - ${a.path}: ${a.error}`).join('\n')
      : '  (no candidate path: the darwinmetrics package root was not found)';
    super(
      `Could not load the darwinmetrics native addon (${process.platform}-${process.arch}).\nTried:\n${lines}\n` +
        'Fix: reinstall the package (`npm install darwinmetrics` ships prebuilt addons for linux-x64, ' +
        'linux-arm64, darwin-arm64 and darwin-x64), or run `npm run build:native` in the project (it needs ' +
        'Python 3 and a C++ toolchain; on macOS the Xcode command-line tools), or set DARWINMETRICS_ADDON to ' +
        'the path of a built darwinmetrics.node.',
    );
    this.name = 'AddonLoadError';
  }
}

function moduleDir(): string {
  return dirname(fileURLToPath(import.meta.url));
}

let cached: NativeAddon | undefined;

/** Loads the addon once per process. Throws AddonLoadError listing every attempt. */
export function loadAddon(search: AddonSearch = {}): NativeAddon {
  const pinned = Boolean(search.explicitPath || search.from || search.onlyPath);
  if (cached && !pinned) return cached;
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = addonCandidates({
    from: search.from ?? moduleDir(),
    resourcesPath: search.resourcesPath ?? resourcesPath,
    explicitPath: search.explicitPath ?? process.env['DARWINMETRICS_ADDON'],
    onlyPath: search.onlyPath,
  });
  const require = createRequire(import.meta.url);
  const attempts: { path: string; error: string }[] = [];
  for (const path of candidates) {
    if (!existsSync(path)) {
      attempts.push({ path, error: 'not found' });
      continue;
    }
    try {
      const addon = require(path) as NativeAddon;
      if (!pinned) cached = addon;
      return addon;
    } catch (err) {
      attempts.push({ path, error: err instanceof Error ? err.message.split('\n')[0]! : String(err) });
    }
  }
  throw new AddonLoadError(attempts);
}
