// A read that never returns (a hung driver file) must not hold the CLI (issue #17): /healthz says
// what stalled, and SIGINT or SIGTERM ends every command within a couple of seconds. The addon is
// replaced by helpers/stuck-addon.cjs, whose reads block a libuv worker on a FIFO nobody writes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, startServe } from './helpers/cli';

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-stuck-'));
  const fifo = join(dir, 'never-written');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  env = { DARWINMETRICS_ADDON: resolve('test/attack/helpers/stuck-addon.cjs'), STUCK_FIFO: fifo };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a stuck read (real CLI)', () => {
  it('serve reports the stall on /healthz, and SIGTERM still ends it', async () => {
    const serve = await startServe(['--interval', '200ms', '--sections', 'cpu,memory'], env);
    let text = '';
    for (let i = 0; i < 100 && !text.startsWith('stalled'); i++) {
      const r = await fetch(`${serve.base}/healthz`, { signal: AbortSignal.timeout(3_000) });
      text = await r.text();
      if (r.status === 200) await new Promise((r2) => setTimeout(r2, 100));
      else expect(r.status).toBe(503);
    }
    expect(text).toMatch(/^stalled: cpu, memory: the read has not returned for \d+ s\n$/);
    const snapshot = (await (await fetch(`${serve.base}/api/snapshot`)).json()) as Record<string, unknown>;
    expect(snapshot['memory']).toEqual({
      ok: false,
      error: {
        reason: 'failed',
        message: expect.stringMatching(/^stalled: the read has not returned for \d+ s$/),
      },
    });
    serve.child.kill('SIGTERM');
    expect(await serve.ended(6_000)).toMatchObject({ signal: 'SIGTERM' });
  });

  it.each([
    ['snapshot', ['snapshot'], 'SIGINT'],
    ['watch', ['watch', '-i', '100ms'], 'SIGTERM'],
    ['record', ['record', '--out', 'OUT', '-i', '100ms'], 'SIGINT'],
  ] as const)('%s ends within the grace after a signal', async (_name, args, signal) => {
    const run = await startCli(
      args.map((a) => (a === 'OUT' ? join(dir, 'rows.csv') : a)),
      env,
    );
    await new Promise((r) => setTimeout(r, 500));
    run.child.kill(signal);
    expect(await run.ended(6_000)).toMatchObject({ signal });
    expect(run.output()).toMatch(/a system read has not returned|not waiting for it/);
  });

  it('watch says which sections stalled', async () => {
    const run = await startCli(['watch', '-i', '200ms', '--sections', 'cpu,memory'], env);
    for (let i = 0; i < 200 && !/stalled: /.test(run.output()); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(run.output()).toMatch(/Z stalled: cpu, memory: the read has not returned for \d+ s\n/);
    run.child.kill('SIGINT');
    expect(await run.ended(6_000)).toMatchObject({ signal: 'SIGINT' });
  });

  it('record --duration ends on time even with the read stuck', async () => {
    const run = await startCli(['record', '--out', join(dir, 'd.csv'), '-i', '100ms', '-d', '300ms'], env);
    const end = await run.ended(6_000);
    expect(end.signal).toBe('SIGTERM');
    expect(run.output()).toMatch(
      /cpu, memory, power.*: the read has not returned for \d+ s; not waiting for it/,
    );
  });
});
