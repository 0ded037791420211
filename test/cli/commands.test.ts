import { parse } from 'csv-parse/sync';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { formatSmcDump } from '../../src/cli/sensors';
import { sensorDumpRows } from '../../src/core/sampler/sensors-dump';
import { parseJsonl } from '../../src/core/export/jsonl';
import type { Sample } from '../../src/shared/sample';
import {
  HAS_NODE_EXPORTER,
  NODE_EXPORTER_DIR,
  NODE_EXPORTER_NOTE,
  nodeExporterRoot,
} from '../helpers/linux-fixtures';
import { readPromText, samplesOf } from '../helpers/prom-text';
import { fixturePresent } from '../helpers/required-fixtures';
import { fakeIo } from './helpers/fake-io';
import { runServe } from './helpers/run-serve';

const UI_INDEX = resolve(process.cwd(), 'dist/renderer/index.html');
// Under CI=true a missing build fails here instead of skipping the --ui test (required-fixtures.ts).
const HAS_UI = fixturePresent(UI_INDEX, 'the built renderer (npm run build)');

describe.skipIf(!HAS_NODE_EXPORTER)(
  `nmetrics on the node_exporter fixture tree (--root)${NODE_EXPORTER_NOTE}`,
  { timeout: 120_000 },
  () => {
    let root: string;
    let tmp: string;
    beforeAll(() => {
      root = nodeExporterRoot();
      tmp = mkdtempSync(join(tmpdir(), 'nmetrics-cli-'));
    });
    afterAll(() => {
      rmSync(root, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    });

    it('snapshot --json reads the tree', async () => {
      const io = fakeIo();
      expect(await runCli(['snapshot', '--json', '--root', root, '--wait', '10ms'], io)).toBe(0);
      const sample = JSON.parse(io.out()) as Sample;
      expect(sample.power?.ok && sample.power.value.batteries.find((b) => b.id === 'BAT0')?.percent).toBe(81);
      expect(sample.cpu?.ok && sample.cpu.value.loadAvg[0]).toBe(0.21);
    });

    it('snapshot prints a table, restricted to --sections', async () => {
      const io = fakeIo();
      expect(
        await runCli(['snapshot', '--root', root, '--sections', 'cpu,memory', '--wait', '10ms'], io),
      ).toBe(0);
      expect(io.out()).toMatch(/^CPU .*load 0\.21 0\.37 0\.39/m);
      expect(io.out()).toMatch(/^MEM /m);
      expect(io.out()).not.toMatch(/^BAT /m);
    });

    it('serves /metrics whose node_* series carry the values node_exporter reports for the same tree', async () => {
      const serve = await runServe(['--root', root, '--interval', '200ms']);
      try {
        let text = '';
        for (let i = 0; i < 50 && !text.includes('node_cpu_seconds_total'); i++) {
          const r = await fetch(`${serve.base}/metrics`);
          text = r.status === 200 ? await r.text() : '';
          if (text === '') await new Promise((r2) => setTimeout(r2, 100));
        }
        const file = join(tmp, 'ours.prom');
        writeFileSync(file, text);
        const ours = readPromText(file);
        const golden = readPromText(join(NODE_EXPORTER_DIR, 'e2e-output.txt'));
        let compared = 0;
        for (const name of [
          'node_power_supply_capacity',
          'node_power_supply_energy_watthour',
          'node_power_supply_voltage_volt',
          'node_power_supply_online',
          'node_hwmon_temp_celsius',
          'node_hwmon_fan_rpm',
          'node_load1',
          'node_load15',
          'node_cpu_seconds_total',
          'node_thermal_zone_temp',
          'node_disk_read_bytes_total',
          'node_disk_written_bytes_total',
          'node_network_receive_bytes_total',
          'node_network_transmit_packets_total',
          'node_network_up',
          'node_boot_time_seconds',
        ]) {
          for (const s of samplesOf(ours, name)) {
            const match = samplesOf(golden, name, s.labels).filter(
              (g) => Object.keys(g.labels).length === Object.keys(s.labels).length,
            );
            if (match.length !== 1) continue;
            expect(s.value, `${name}${JSON.stringify(s.labels)}`).toBeCloseTo(match[0]!.value, 6);
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(40);
        // The zone is labelled by number, as node_exporter does.
        expect(samplesOf(ours, 'node_thermal_zone_temp', { type: 'cpu-thermal', zone: '0' })).toHaveLength(1);
      } finally {
        expect(await serve.stop()).toBe(0);
      }
    });

    /** Runs record until the file holds `lines` lines, then presses Ctrl-C (no reliance on timing). */
    async function recordUntil(args: string[], file: string, lines: number) {
      const io = fakeIo();
      const done = runCli(['record', ...args], io);
      const count = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);
      while (count() < lines) await new Promise((r) => setTimeout(r, 20));
      io.abort();
      return { status: await done, io };
    }

    it('record writes a valid CSV, one row per sample, and ends cleanly on Ctrl-C', async () => {
      const out = join(tmp, 'rec.csv');
      const { status, io } = await recordUntil(['--out', out, '--root', root, '--interval', '100ms'], out, 3);
      expect(status).toBe(0);
      const rows = parse(readFileSync(out, 'utf8')) as string[][];
      const n = Number(/(\d+) sample\(s\) written/.exec(io.err())?.[1]);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(rows).toHaveLength(n + 1);
      // Time first, then the catalogue's columns in its order (docs/metrics.md): host, then cpu.
      expect(rows[0]!.slice(0, 4)).toEqual(['time', 'epoch_ms', 'host.bootTimeMs', 'host.uptimeSec']);
      expect(rows[0]).toContain('cpu.busy');
      for (const r of rows.slice(1)) expect(new Date(r[0]!).getTime()).toBe(Number(r[1]));
      // --duration ends by itself; appending to the same file keeps one header.
      expect(
        await runCli(
          ['record', '--out', out, '--root', root, '-i', '100ms', '--duration', '150ms'],
          fakeIo(),
        ),
      ).toBe(0);
      const again = parse(readFileSync(out, 'utf8')) as string[][];
      expect(again.filter((r) => r[0] === 'time')).toHaveLength(1);
    });

    it('record refuses to append to a CSV with other columns', async () => {
      const out = join(tmp, 'other.csv');
      writeFileSync(out, 'a,b\r\n1,2\r\n');
      const io = fakeIo();
      expect(await runCli(['record', '--out', out, '--root', root, '--interval', '100ms'], io)).toBe(1);
      expect(io.err()).toMatch(/other columns/);
      expect(readFileSync(out, 'utf8')).toBe('a,b\r\n1,2\r\n');
    });

    it('record writes JSONL, one sample per line', async () => {
      const out = join(tmp, 'rec.jsonl');
      const { status } = await recordUntil(
        ['-o', out, '--root', root, '-i', '100ms', '--sections', 'cpu,power'],
        out,
        2,
      );
      expect(status).toBe(0);
      const samples = parseJsonl(readFileSync(out, 'utf8')) as Sample[];
      expect(samples.length).toBeGreaterThanOrEqual(2);
      expect(samples.every((s) => s.cpu?.ok === true && s.memory === undefined)).toBe(true);
    });

    it('record stops with a clear error on an unwritable path or a file that is not a regular file', async () => {
      const io = fakeIo();
      expect(await runCli(['record', '--out', join(tmp, 'no/such/dir/x.csv'), '--root', root], io)).toBe(1);
      expect(io.err()).toMatch(/cannot write .*x\.csv: the folder does not exist/);
      const device = fakeIo();
      expect(
        await runCli(
          ['record', '--out', '/dev/full', '--format', 'csv', '--root', root, '-i', '100ms'],
          device,
        ),
      ).toBe(1);
      expect(device.err()).toMatch(/cannot write \/dev\/full: it is a device, not a regular file/);
      expect(device.err()).not.toMatch(/written/);
    });

    it('record shows a status line on a terminal and Ctrl-C ends the file cleanly', async () => {
      const out = join(tmp, 'tty.csv');
      const io = fakeIo({}, true);
      const done = runCli(['record', '--out', out, '--root', root, '-i', '100ms'], io);
      while (!/2 samples/.test(io.out())) await new Promise((r) => setTimeout(r, 50));
      io.abort();
      expect(await done).toBe(0);
      expect(io.out()).toContain('\r\u001b[K2 samples  ');
      expect(io.out()).toMatch(/2 samples {2}\d.* {2}[\d.]+ (B|KiB) {2}\//);
      const rows = parse(readFileSync(out, 'utf8')) as string[][];
      expect(rows.length).toBeGreaterThanOrEqual(3);
    });

    it('watch prints one line per sample when stdout is not a terminal', async () => {
      const io = fakeIo();
      const done = runCli(['watch', '--root', root, '--interval', '100ms'], io);
      while (io.out().split('\n').length < 3) await new Promise((r) => setTimeout(r, 50));
      io.abort();
      expect(await done).toBe(0);
      expect(io.out().split('\n')[0]).toMatch(/^\d{4}-\d\d-\d\dT.* load=0\.21 mem=[\d.]+% .*battery=81%/);
    });

    it('watch draws the alternate screen on a terminal and quits on q', async () => {
      const io = fakeIo({}, true);
      const done = runCli(['watch', '--root', root, '--interval', '100ms'], io);
      while (!io.out().includes('q quits')) await new Promise((r) => setTimeout(r, 50));
      io.stdinStream.write('q');
      expect(await done).toBe(0);
      expect(io.out().startsWith('\u001b[?1049h')).toBe(true);
      expect(io.out().endsWith('\u001b[?25h\u001b[?1049l')).toBe(true);
      expect(io.out()).toMatch(/CPU .*load 0\.21/);
    });

    it('watch redraws when the terminal is resized', async () => {
      const io = fakeIo({}, true);
      const done = runCli(['watch', '--root', root, '--interval', '10s'], io);
      while (!io.out().includes('q quits')) await new Promise((r) => setTimeout(r, 20));
      const before = io.out().split('q quits').length;
      Object.assign(io.stdout, { columns: 60, rows: 12 });
      io.stdout.emit('resize');
      expect(io.out().split('q quits').length).toBe(before + 1);
      const lastFrame = io.out().split('\u001b[H\u001b[J').at(-1)!;
      expect(lastFrame.split('\n').length).toBeLessThanOrEqual(12);
      for (const line of lastFrame.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
      io.abort();
      expect(await done).toBe(0);
    });

    it.runIf(HAS_UI)(
      `serve --ui serves the built dashboard with a strict CSP${HAS_UI ? '' : ' (skipped: run npm run build)'}`,
      async () => {
        const serve = await runServe(['--root', root, '--ui']);
        try {
          const index = await fetch(`${serve.base}/`);
          expect(index.status).toBe(200);
          expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
          const html = await index.text();
          const script = /<script[^>]+src="\.?\/?([^"]+)"/.exec(html)?.[1];
          expect(script).toBeDefined();
          const js = await fetch(`${serve.base}/${script}`);
          expect(js.status).toBe(200);
          expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
        } finally {
          await serve.stop();
        }
      },
    );

    it('serve says so when its port is taken', async () => {
      const first = await runServe(['--root', root]);
      try {
        const port = new URL(first.base).port;
        const io = fakeIo();
        expect(await runCli(['serve', '--root', root, '--port', port, '--no-history'], io)).toBe(1);
        expect(io.err()).toBe(`nmetrics serve: cannot listen on 127.0.0.1:${port}: the port is in use\n`);
      } finally {
        await first.stop();
      }
    });

    it('sensors --dump lists hwmon and thermal files raw and decoded', async () => {
      const io = fakeIo();
      expect(await runCli(['sensors', '--dump', '--root', root], io)).toBe(0);
      expect(io.out()).toMatch(/temp1_input = 55000 {2}→ {2}55 °C {2}"Physical id 0"/);
      expect(io.out()).toMatch(/thermal_zone0 \(cpu-thermal\) {2}temp = 12376 {2}→ {2}12\.376 °C/);
      expect(io.out()).toMatch(
        /hwmon2\/device \(applesmc\) {2}fan2_input = 1998 {2}→ {2}1998 rpm {2}"Right side"/,
      );
      expect(io.out()).toContain('Decoded by the backend:');
    });
  },
);

describe('sensors --dump on macOS (formatting of the SMC dump)', { timeout: 120_000 }, () => {
  it('prints every key with type, raw bytes, decoded value and group', () => {
    const rows = sensorDumpRows(
      [
        { key: 'TC0P', type: 'sp78', bytes: Uint8Array.of(0x2d, 0x80) },
        { key: 'F0Ac', type: 'fpe2', bytes: Uint8Array.of(0x1f, 0x40) },
        { key: 'XXXX', type: '{hdi', bytes: null },
      ],
      { appleSilicon: false },
    );
    const text = formatSmcDump({
      appleSilicon: false,
      cpuBrand: 'Intel(R) Core(TM) i7',
      complete: true,
      rows,
    });
    expect(text.split('\n')[0]).toBe('SMC keys (3) on Intel(R) Core(TM) i7, Intel:');
    expect(text).toMatch(/ {2}TC0P {2}\[sp78\] {2}2d80 {2}→ {2}45\.5 {2}\(\w+\)/);
    expect(text).toMatch(/ {2}F0Ac {2}\[fpe2\] {2}1f40 {2}→ {2}2000/);
    expect(text).toContain('  XXXX  [{hdi]  -  →  unreadable');
  });
});
