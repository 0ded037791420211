/**
 * Runs `nmetrics serve` in-process on a free loopback port until stop() is called, with its history
 * in a temporary folder (removed at stop) unless the arguments choose one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { fakeIo, type FakeIo } from './fake-io';
import { waitFor } from './ports';

export interface RunningServe {
  readonly base: string;
  readonly io: FakeIo;
  stop(): Promise<number>;
}

export async function runServe(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RunningServe> {
  const io = fakeIo(env);
  // A replay keeps its own history in memory, and serve refuses --data-dir beside --replay.
  const chooses = args.some((a) => a.startsWith('--data-dir') || a === '--no-history' || a === '--replay');
  const dataDir = chooses ? undefined : mkdtempSync(join(tmpdir(), 'dm-serve-history-'));
  const status = runCli(['serve', '--port', '0', ...args, ...(dataDir ? ['--data-dir', dataDir] : [])], io);
  let base = '';
  await waitFor(async () => {
    const m = /listening on (http:\/\/\S+) /.exec(io.out());
    if (m !== null) base = m[1]!;
    return m !== null;
  }, `nmetrics serve to listen (stderr: ${io.err()})`);
  return {
    base,
    io,
    stop: async () => {
      io.abort();
      const code = await status;
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
