/**
 * Starts the real `nmetrics serve --ui` for a spec: the CLI bundled from the current source (so a
 * stale dist/cli.js never hides a change), the renderer from dist/renderer (rebuilt with Vite when a
 * renderer or shared source is newer), on a free loopback port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../../test/helpers/bundle-cli';

const ROOT = process.cwd();
// Not under test-results/ (Playwright empties that folder while it runs), nor under node_modules/
// (a worktree's node_modules may be a link shared with other checkouts: the bundle would then find
// that other checkout's package root and serve its dist/renderer).
const CLI_DIR = join(ROOT, 'e2e-artifacts', 'cli');
const CLI_OUT = join(CLI_DIR, 'cli.mjs');
const UI_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/renderer with Vite when a renderer or shared source is newer than it. */
export function ensureRendererBuilt(): void {
  const sources = Math.max(
    newestMtime(join(ROOT, 'src', 'renderer')),
    newestMtime(join(ROOT, 'src', 'shared')),
  );
  if (!existsSync(UI_INDEX) || statSync(UI_INDEX).mtimeMs < sources) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    });
    if (r.status !== 0) throw new Error(`vite build failed with status ${r.status}`);
  }
}

let prepared: Promise<void> | undefined;

/** Builds what the server needs, once per worker. */
export function prepareServe(): Promise<void> {
  prepared ??= (async () => {
    ensureRendererBuilt();
    mkdirSync(CLI_DIR, { recursive: true });
    await bundleCli(ROOT, CLI_OUT);
  })();
  return prepared;
}

export interface Serve {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly root?: string;
  readonly token?: string;
  readonly interval?: string;
  /** Play this recording instead of sampling the machine (`--replay FILE`), at `speed`. */
  readonly replay?: string;
  readonly speed?: number;
}

export async function startServe(options: ServeOptions = {}): Promise<Serve> {
  await prepareServe();
  const args = [CLI_OUT, 'serve', '--ui', '--host', '127.0.0.1', '--port', '0'];
  if (options.replay) args.push('--replay', options.replay, '--speed', String(options.speed ?? 1));
  else args.push('--interval', options.interval ?? '500ms');
  if (options.root) args.push('--root', options.root);
  if (options.token) args.push('--token', options.token);
  // Each server keeps its history in a fresh folder: never the user's, never one another's. A replay
  // keeps its own history in memory (serve refuses --data-dir beside --replay).
  const dataDir = options.replay ? undefined : mkdtempSync(join(tmpdir(), 'dm-e2e-history-'));
  if (dataDir) args.push('--data-dir', dataDir);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`nmetrics serve did not start in 20 s:\n${out}`)),
      20_000,
    );
    const check = (): void => {
      const m = /listening on (http:\/\/[^\s]+?) \(/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nmetrics serve exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    close: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          if (dataDir) rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
