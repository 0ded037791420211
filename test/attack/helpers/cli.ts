/**
 * The real `nmetrics` as its own process, for the attack suite: the CLI bundled from the current
 * source into build/attack/ (inside the repo, so it finds the addon as bin/nmetrics.js does), run
 * with `node`, signals and all. Every run has a deadline; a run past it is killed and reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli } from '../../helpers/bundle-cli';

const ROOT = process.cwd();
const CLI = join(ROOT, 'build', 'attack', 'cli.mjs');
let built: Promise<void> | undefined;

function buildCli(): Promise<void> {
  built ??= (async () => {
    mkdirSync(join(ROOT, 'build', 'attack'), { recursive: true });
    await bundleCli(ROOT, CLI);
  })();
  return built;
}

export interface Running {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with how the process ended; kills it (SIGKILL) and rejects past `deadlineMs`. */
  ended(deadlineMs: number): Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}

export async function startCli(args: readonly string[], env: Record<string, string> = {}): Promise<Running> {
  await buildCli();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (status, signal) => resolve({ status, signal })),
  );
  return {
    child,
    output: () => out,
    ended: (deadlineMs) =>
      Promise.race([
        exit,
        new Promise<never>((_, reject) =>
          setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`nmetrics ${args[0]} did not end within ${deadlineMs} ms:\n${out}`));
          }, deadlineMs).unref(),
        ),
      ]),
  };
}

/** Runs a command to its end within `deadlineMs`. */
export async function runCli(
  args: readonly string[],
  deadlineMs: number,
  env: Record<string, string> = {},
): Promise<{ status: number | null; signal: NodeJS.Signals | null; output: string }> {
  const run = await startCli(args, env);
  const end = await run.ended(deadlineMs);
  return { ...end, output: run.output() };
}

/** `nmetrics serve` on a free loopback port; resolves once it listens. */
export async function startServe(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Running & { readonly base: string; readonly port: number }> {
  const run = await startCli(['serve', '--host', '127.0.0.1', '--port', '0', ...args], env);
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not listen:\n${run.output()}`)), 20_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+) /.exec(run.output());
      if (m === null) return;
      clearTimeout(timer);
      resolve(m[1]!);
    };
    run.child.stdout!.on('data', check);
    run.child.once('exit', () => reject(new Error(`serve exited:\n${run.output()}`)));
  });
  return { ...run, base, port: Number(new URL(base).port) };
}

/** GET with a deadline: a server that does not answer in time fails the probe instead of the run. */
export async function probe(url: string, deadlineMs = 3_000, init: RequestInit = {}): Promise<number> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(deadlineMs) });
    await r.arrayBuffer();
    return r.status;
  } catch {
    return 0;
  }
}
