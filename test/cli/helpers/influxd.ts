/**
 * Starts a throwaway InfluxDB 1.x (Debian's influxd) for a test: temp dir, every listener on
 * 127.0.0.1 with free ports, reporting disabled, no _internal monitor database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './ports';

export const INFLUXD = '/usr/bin/influxd';

export interface Influxd {
  readonly url: string;
  /** Runs InfluxQL; returns the rows of the first series of the first statement (time in ms). */
  query(q: string, db?: string): Promise<unknown[][]>;
  stop(): Promise<void>;
}

export async function startInfluxd(): Promise<Influxd> {
  if (!existsSync(INFLUXD)) throw new Error(`${INFLUXD} is absent`);
  const dir = mkdtempSync(join(tmpdir(), 'nmetrics-influxd-'));
  const [http, rpc] = [await freePort(), await freePort()];
  const conf = join(dir, 'influxd.conf');
  writeFileSync(
    conf,
    [
      'reporting-disabled = true',
      `bind-address = "127.0.0.1:${rpc}"`,
      '[meta]',
      `  dir = "${join(dir, 'meta')}"`,
      '[data]',
      `  dir = "${join(dir, 'data')}"`,
      `  wal-dir = "${join(dir, 'wal')}"`,
      '  query-log-enabled = false',
      '[monitor]',
      '  store-enabled = false',
      '[http]',
      `  bind-address = "127.0.0.1:${http}"`,
      '  log-enabled = false',
      '  pprof-enabled = false',
      '[continuous_queries]',
      '  enabled = false',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(INFLUXD, ['run', '-config', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${http}`;
  try {
    await waitFor(async () => (await fetch(`${url}/ping`)).status === 204, `influxd on ${url}`);
  } catch (e) {
    child.kill();
    throw new Error(`${(e as Error).message}\n${log}`, { cause: e });
  }
  return {
    url,
    async query(q, db) {
      const params = new URLSearchParams({ q, epoch: 'ms' });
      if (db !== undefined) params.set('db', db);
      const res = await fetch(`${url}/query`, { method: 'POST', body: params });
      const body = (await res.json()) as {
        results?: { series?: { values?: unknown[][] }[]; error?: string }[];
        error?: string;
      };
      const first = body.results?.[0];
      if (body.error !== undefined || first?.error !== undefined)
        throw new Error(`influxd: ${body.error ?? first?.error}`);
      return first?.series?.[0]?.values ?? [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
