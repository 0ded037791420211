/**
 * The real consumers: a Prometheus server scraping `nmetrics serve`, and an InfluxDB 1.x receiving
 * `nmetrics push`, both started here on free loopback ports, reading node_exporter's fixture tree.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import {
  OPENMETRICS_CONTENT_TYPE,
  renderOpenMetrics,
  wantsOpenMetrics,
} from '../../src/core/export/openmetrics';
import { prometheusFamilies } from '../../src/core/export/prometheus';
import { wellFormed } from '../../src/core/export/text';
import { fullSample, HOSTILE_NAMES } from '../core/export/full-sample';
import { HAS_NODE_EXPORTER, NODE_EXPORTER_NOTE, nodeExporterRoot } from '../helpers/linux-fixtures';
import { fixturePresent } from '../helpers/required-fixtures';
import { fakeIo } from './helpers/fake-io';
import { INFLUXD, startInfluxd, type Influxd } from './helpers/influxd';
import { PROMETHEUS, startPrometheus, type PrometheusServer } from './helpers/prometheus';
import { runServe } from './helpers/run-serve';
import { waitFor } from './helpers/ports';

// The real consumers .ci/run installs: a local run without them skips (the titles say so); CI=true fails.
const HAS_PROMETHEUS = fixturePresent(PROMETHEUS, 'Prometheus (apt-get install prometheus)');
const HAS_PROMTOOL = fixturePresent('/usr/bin/promtool', 'promtool (apt-get install prometheus)');
const HAS_INFLUXD = fixturePresent(INFLUXD, 'InfluxDB (apt-get install influxdb)');
const note = (present: boolean, what: string) => (present ? '' : ` (skipped: ${what} is absent)`);

let root: string;
beforeAll(() => {
  if (HAS_NODE_EXPORTER) root = nodeExporterRoot();
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!HAS_NODE_EXPORTER || !HAS_PROMETHEUS)(
  `a real Prometheus server scraping nmetrics serve${NODE_EXPORTER_NOTE}${note(HAS_PROMETHEUS, PROMETHEUS)}`,
  { timeout: 120_000 },
  () => {
    it('stores our series with the values we served, token required', async () => {
      const token = 'prometheus-test-token-0123456789';
      const serve = await runServe(['--root', root, '--interval', '500ms', '--token', token]);
      let prom: PrometheusServer | undefined;
      try {
        prom = await startPrometheus(serve.base.replace('http://', ''), '/metrics', token);
        const p = prom;
        await waitFor(
          async () => (await p.query('node_power_supply_capacity')).length > 0,
          'the first scrape',
          300,
        );
        const [target] = await p.targets();
        expect(target).toMatchObject({ health: 'up', lastError: '' });
        const capacity = await p.query('node_power_supply_capacity{power_supply="BAT0"}');
        expect(capacity.map((r) => r.value[1])).toEqual(['81']);
        const temp = await p.query('node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"}');
        expect(temp.map((r) => r.value[1])).toEqual(['55']);
        const cpu = await p.query('node_cpu_seconds_total{cpu="0",mode="user"}');
        expect(Number(cpu[0]?.value[1])).toBeCloseTo(444.9, 6);
        // Label values survive the trip, U+FFFD included.
        const info = await p.query('node_power_supply_info{power_supply="BAT0"}');
        expect(info[0]?.metric.model_name).toBe('LNV-45N1\uFFFD\uFFFD');
        const load = await p.query('node_load1');
        expect(load[0]?.value[1]).toBe('0.21');
        // The scheduler counters of the catalogue, with node_exporter's values for the same tree.
        const ctxt = await p.query('node_context_switches_total');
        expect(ctxt.map((r) => r.value[1])).toEqual(['38014093']);
        const intr = await p.query('node_intr_total');
        expect(intr.map((r) => r.value[1])).toEqual(['8885917']);
      } finally {
        await prom?.stop();
        await serve.stop();
      }
    });
  },
);

describe.skipIf(!HAS_PROMETHEUS)(
  `a real Prometheus server reading our OpenMetrics${note(HAS_PROMETHEUS, PROMETHEUS)}`,
  { timeout: 120_000 },
  () => {
    it('parses the OpenMetrics exposition, hostile label values included', async () => {
      // A server that answers only when the scraper asks for OpenMetrics, so the format is proven.
      const body = renderOpenMetrics(
        prometheusFamilies(fullSample(), { topProcesses: HOSTILE_NAMES.length }),
      );
      const accepts: string[] = [];
      const server = createServer((req, res) => {
        accepts.push(req.headers.accept ?? '');
        if (!wantsOpenMetrics(req.headers.accept)) return void res.writeHead(406).end();
        res.writeHead(200, { 'content-type': OPENMETRICS_CONTENT_TYPE }).end(body);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address() as AddressInfo;
      let prom: PrometheusServer | undefined;
      try {
        prom = await startPrometheus(`127.0.0.1:${port}`);
        const p = prom;
        await waitFor(
          async () => (await p.query('darwinmetrics_process_cpu_ratio')).length > 0,
          'the first scrape',
          300,
        );
        expect((await p.targets())[0]).toMatchObject({ health: 'up', lastError: '' });
        expect(accepts[0]).toMatch(/^application\/openmetrics-text/);
        const idle = await p.query('node_cpu_seconds_total{cpu="0",mode="idle"}');
        expect(idle[0]?.value[1]).toBe('10870.69');
        const names = (await p.query('darwinmetrics_process_cpu_ratio')).map((r) => r.metric.name);
        expect(names.sort()).toEqual(HOSTILE_NAMES.map(wellFormed).sort());
      } finally {
        await prom?.stop();
        await new Promise((r) => server.close(r));
      }
    });
  },
);

describe.skipIf(!HAS_PROMTOOL)(
  `promtool on the live machine${note(HAS_PROMTOOL, '/usr/bin/promtool')}`,
  { timeout: 120_000 },
  () => {
    it('finds nothing to complain about in what nmetrics serve says about this machine', async () => {
      const serve = await runServe(['--interval', '300ms']);
      try {
        let text = '';
        await waitFor(async () => {
          const r = await fetch(`${serve.base}/metrics`);
          text = await r.text();
          return r.status === 200 && text.includes('node_cpu_seconds_total');
        }, 'a live sample');
        const r = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
        expect(`${r.stdout}${r.stderr}`).toBe('');
        expect(r.status).toBe(0);
      } finally {
        await serve.stop();
      }
    });
  },
);

describe.skipIf(!HAS_NODE_EXPORTER || !HAS_INFLUXD)(
  `a real InfluxDB 1.x receiving nmetrics push${NODE_EXPORTER_NOTE}${note(HAS_INFLUXD, INFLUXD)}`,
  { timeout: 120_000 },
  () => {
    let influx: Influxd;
    beforeAll(async () => {
      influx = await startInfluxd();
      await influx.query('CREATE DATABASE nmetrics');
    });
    afterAll(async () => influx?.stop());

    it('stores the samples we pushed; InfluxQL reads the same values back', async () => {
      const io = fakeIo();
      const status = await runCli(
        [
          'push',
          '--influx',
          influx.url,
          '--db',
          'nmetrics',
          '--root',
          root,
          '--interval',
          '200ms',
          '--duration',
          '700ms',
        ],
        io,
      );
      expect(io.err()).toMatch(/line\(s\) written, 0 dropped, 0 rejected, 0 unsent/);
      expect(status).toBe(0);
      const battery = await influx.query(
        `SELECT percent, state FROM battery WHERE battery = 'BAT0'`,
        'nmetrics',
      );
      expect(battery.length).toBeGreaterThanOrEqual(1);
      for (const row of battery) expect(row.slice(1)).toEqual([81, 'discharging']);
      const load = await influx.query('SELECT load1 FROM cpu', 'nmetrics');
      expect(load[0]?.[1]).toBe(0.21);
      const temp = await influx.query(
        `SELECT celsius FROM temperature WHERE chip = 'platform_coretemp_0' AND sensor = 'temp1'`,
        'nmetrics',
      );
      expect(temp[0]?.[1]).toBe(55);
      // The scheduler counters: totals as node_exporter reads them, and a rate (0: the tree is static)
      // from the second sample on.
      const sched = await influx.query(
        'SELECT context_switches, interrupts, context_switches_per_sec FROM cpu',
        'nmetrics',
      );
      expect(sched.length).toBeGreaterThanOrEqual(2);
      for (const row of sched) expect(row.slice(1, 3)).toEqual([38014093, 8885917]);
      expect(sched.at(-1)?.[3]).toBe(0);
    });

    it('reports an unreachable server, retries, and says what it could not send', async () => {
      const io = fakeIo();
      const status = await runCli(
        [
          'push',
          '--influx',
          'http://127.0.0.1:9',
          '--db',
          'x',
          '--root',
          root,
          '--interval',
          '200ms',
          '--duration',
          '500ms',
          '--buffer',
          '5',
        ],
        io,
      );
      expect(status).toBe(1);
      expect(io.err()).toMatch(/write failed .*retrying in \d+ ms/);
      expect(io.err()).toMatch(/buffer full, dropped \d+ oldest line/);
      expect(io.err()).toMatch(/0 line\(s\) written, [1-9]\d* dropped, 0 rejected, [1-5] unsent/);
    });
  },
);
