/** Runs `nmetrics serve` in-process on a free loopback port until stop() is called. */
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
  const status = runCli(['serve', '--port', '0', ...args], io);
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
      return status;
    },
  };
}
