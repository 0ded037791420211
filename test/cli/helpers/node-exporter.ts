/**
 * Starts Debian's node_exporter (package prometheus-node-exporter) on a free 127.0.0.1 port with
 * only the collectors whose series darwinmetrics also names, for side-by-side comparisons.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort, waitFor } from './ports';

export const NODE_EXPORTER_BIN = '/usr/bin/prometheus-node-exporter';

/** node_exporter collectors whose names we reuse (docs/metrics.md lists which series). */
const COLLECTORS = [
  'cpu',
  'cpufreq',
  'loadavg',
  'stat',
  'netdev',
  'netclass',
  'diskstats',
  'filesystem',
  'hwmon',
  'thermal_zone',
  'powersupplyclass',
  'pressure',
];

export interface NodeExporter {
  readonly url: string;
  scrape(): Promise<string>;
  stop(): Promise<void>;
}

export async function startNodeExporter(): Promise<NodeExporter> {
  if (!existsSync(NODE_EXPORTER_BIN)) throw new Error(`${NODE_EXPORTER_BIN} is absent`);
  const port = await freePort();
  const child = spawn(
    NODE_EXPORTER_BIN,
    [
      `--web.listen-address=127.0.0.1:${port}`,
      '--collector.disable-defaults',
      ...COLLECTORS.map((c) => `--collector.${c}`),
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}/metrics`;
  const scrape = async (): Promise<string> => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`node_exporter: HTTP ${r.status}\n${log}`);
    return r.text();
  };
  try {
    await waitFor(async () => (await fetch(url)).ok, `node_exporter on port ${port}`);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${log}`, { cause: e });
  }
  return {
    url,
    scrape,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
