/**
 * Starts a throwaway Prometheus server (Debian's /usr/bin/prometheus) that scrapes one target every
 * second: temp dir for config and TSDB, web UI on a free 127.0.0.1 port.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './ports';

export const PROMETHEUS = '/usr/bin/prometheus';

export interface PromVectorItem {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

export interface PrometheusServer {
  readonly url: string;
  query(q: string): Promise<PromVectorItem[]>;
  targets(): Promise<{ health: string; lastError: string; scrapeUrl: string }[]>;
  stop(): Promise<void>;
}

export async function startPrometheus(
  target: string,
  metricsPath = '/metrics',
  bearer?: string,
): Promise<PrometheusServer> {
  if (!existsSync(PROMETHEUS)) throw new Error(`${PROMETHEUS} is absent`);
  const dir = mkdtempSync(join(tmpdir(), 'nmetrics-prometheus-'));
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 1s',
      'scrape_configs:',
      '  - job_name: nmetrics',
      `    metrics_path: ${metricsPath}`,
      ...(bearer ? ['    authorization:', `      credentials: ${bearer}`] : []),
      '    static_configs:',
      `      - targets: ['${target}']`,
      '',
    ].join('\n'),
  );
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${url}/-/ready`)).ok, `prometheus on ${url}`);
  } catch (e) {
    child.kill();
    throw new Error(`${(e as Error).message}\n${log}`, { cause: e });
  }
  return {
    url,
    async query(q) {
      const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: q })}`);
      const body = (await res.json()) as {
        status: string;
        data?: { result: PromVectorItem[] };
        error?: string;
      };
      if (body.status !== 'success') throw new Error(`prometheus: ${body.error}`);
      return body.data?.result ?? [];
    },
    async targets() {
      const res = await fetch(`${url}/api/v1/targets`);
      const body = (await res.json()) as {
        data: { activeTargets: { health: string; lastError: string; scrapeUrl: string }[] };
      };
      return body.data.activeTargets;
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
