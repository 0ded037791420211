import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  escapeKey,
  escapeMeasurement,
  formatPoint,
  int,
  float,
  quoteString,
  str,
} from '../../../src/core/export/influx';
import { influxPoints, sampleInflux } from '../../../src/core/export/influx-points';
import { createInfluxWriter, type InfluxWriterEvent } from '../../../src/core/export/influx-writer';
import { wellFormed } from '../../../src/core/export/text';
import { INFLUXD, startInfluxd, type Influxd } from '../../cli/helpers/influxd';
import { fixturePresent } from '../../helpers/required-fixtures';
import { fullSample, HOSTILE_NAMES } from './full-sample';

describe('line protocol', () => {
  it('escapes per the spec', () => {
    expect(escapeMeasurement('a b,c=d')).toBe('a\\ b\\,c=d');
    expect(escapeKey('a b,c=d')).toBe('a\\ b\\,c\\=d');
    expect(quoteString('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(escapeKey('x\ny')).toBe('x\\ y');
  });
  it('writes integers with i, floats without, leaves out NaN and empty tags', () => {
    const line = formatPoint({
      measurement: 'm',
      tags: { b: 'x', a: '', c: undefined },
      fields: { n: int(42.9), f: float(81), nan: float(NaN), s: str('v'), inf: float(Infinity) },
      t: 1000.4,
    });
    expect(line).toBe('m,b=x n=42i,f=81,s="v" 1000');
    expect(formatPoint({ measurement: 'm', tags: {}, fields: { x: float(NaN) }, t: 0 })).toBeUndefined();
  });
  it('keeps one type per field whatever the value', () => {
    const a = fullSample();
    const types = new Map<string, string>();
    for (const p of [...influxPoints(a), ...influxPoints({ ...a, t: a.t + 1 })]) {
      for (const [k, v] of Object.entries(p.fields)) {
        const key = `${p.measurement}.${k}`;
        expect(types.get(key) ?? v.kind, key).toBe(v.kind);
        types.set(key, v.kind);
      }
    }
    const lines = sampleInflux(a);
    expect(lines.find((l) => l.startsWith('battery,'))).toMatch(/percent=81,/);
    expect(lines.find((l) => l.startsWith('memory,'))).toMatch(/total_bytes=15666184192i/);
    for (const l of lines) expect(l).not.toMatch(/NaN|=,|=\s/);
  });
});

describe('InfluxDB writer', () => {
  it('retries with backoff, then succeeds', async () => {
    let calls = 0;
    const events: InfluxWriterEvent[] = [];
    const w = createInfluxWriter({
      url: 'http://127.0.0.1:1',
      db: 'x',
      backoffMs: 1,
      onEvent: (e) => events.push(e),
      fetch: (async () =>
        ++calls < 3
          ? new Response('busy', { status: 503 })
          : new Response(null, { status: 204 })) as typeof fetch,
    });
    w.add(['m f=1 1']);
    await w.flush();
    expect(calls).toBe(3);
    expect(events.map((e) => e.kind === 'retry' && e.delayMs)).toEqual([1, 2]);
    expect(w.stats()).toEqual({ written: 1, dropped: 0, rejected: 0, buffered: 0 });
  });
  it('drops the oldest lines beyond the bound and says so', () => {
    const events: InfluxWriterEvent[] = [];
    const w = createInfluxWriter({
      url: 'http://127.0.0.1:1',
      db: 'x',
      maxBufferLines: 3,
      onEvent: (e) => events.push(e),
    });
    w.add(['a', 'b']);
    w.add(['c', 'd', 'e']);
    expect(w.stats()).toMatchObject({ dropped: 2, buffered: 3 });
    expect(events).toEqual([{ kind: 'dropped', lines: 2, totalDropped: 2 }]);
  });
  it('does not retry a 400 (bad data cannot get better)', async () => {
    let calls = 0;
    const w = createInfluxWriter({
      url: 'http://127.0.0.1:1',
      db: 'x',
      fetch: (async () => (calls++, new Response('{"error":"bad"}', { status: 400 }))) as typeof fetch,
    });
    w.add(['bad']);
    await w.flush();
    expect(calls).toBe(1);
    expect(w.stats()).toMatchObject({ rejected: 1, buffered: 0 });
  });
  it('gives up on a request nobody answers and retries it (issue #17: no wait without a deadline)', async () => {
    let calls = 0;
    const events: InfluxWriterEvent[] = [];
    const w = createInfluxWriter({
      url: 'http://127.0.0.1:1',
      db: 'x',
      backoffMs: 1,
      requestTimeoutMs: 20,
      onEvent: (e) => events.push(e),
      // The first request hangs until its signal aborts, as a server that accepted and went silent.
      fetch: ((_url: URL, init: RequestInit) =>
        ++calls === 1
          ? new Promise<Response>((_, reject) =>
              init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
            )
          : Promise.resolve(new Response(null, { status: 204 }))) as unknown as typeof fetch,
    });
    w.add(['m f=1 1']);
    await w.flush();
    expect(calls).toBe(2);
    expect(events[0]).toMatchObject({ kind: 'retry', error: expect.stringMatching(/timeout|aborted/i) });
    expect(w.stats()).toMatchObject({ written: 1 });
  });
  it('reads at most 64 KiB of a reply, however much the server sends', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
      },
    });
    const events: InfluxWriterEvent[] = [];
    const w = createInfluxWriter({
      url: 'http://127.0.0.1:1',
      db: 'x',
      onEvent: (e) => events.push(e),
      fetch: (async () => new Response(endless, { status: 400 })) as typeof fetch,
    });
    w.add(['bad']);
    await w.flush();
    expect(pulled).toBeLessThan(10);
    expect(events[0]).toMatchObject({ kind: 'rejected', status: 400 });
  });
  it('rejects bad options with the argument named', () => {
    expect(() => createInfluxWriter({ url: 'nope', db: 'x' })).toThrow(/influx/);
    expect(() => createInfluxWriter({ url: 'ftp://h', db: 'x' })).toThrow(/http/);
    expect(() => createInfluxWriter({ url: 'http://h', db: 'x', batchLines: 0 })).toThrow(/batchLines/);
  });
});

// .ci/run installs influxd: a local run without it skips; CI=true fails (required-fixtures.ts).
const HAS_INFLUXD = fixturePresent(INFLUXD, 'InfluxDB (apt-get install influxdb)');

describe.skipIf(!HAS_INFLUXD)(
  `a real InfluxDB 1.x${HAS_INFLUXD ? '' : ' (skipped: influxd is absent)'}`,
  () => {
    let influx: Influxd;
    beforeAll(async () => {
      influx = await startInfluxd();
      await influx.query('CREATE DATABASE nm');
    });
    afterAll(async () => influx?.stop());

    it('stores what we write and reads it back with InfluxQL, hostile names included', async () => {
      const w = createInfluxWriter({ url: influx.url, db: 'nm' });
      const s1 = fullSample(1_764_000_000_000);
      const s2 = fullSample(1_764_000_001_000);
      w.add(sampleInflux(s1, { topProcesses: 20 }));
      w.add(sampleInflux(s2, { topProcesses: 20 }));
      await w.flush();
      expect(w.stats()).toMatchObject({ rejected: 0, dropped: 0, buffered: 0 });
      const bat = await influx.query('SELECT percent, state, cycle_count FROM battery', 'nm');
      expect(bat).toEqual([
        [s1.t, 81, 'discharging', 0],
        [s2.t, 81, 'discharging', 0],
      ]);
      const mem = await influx.query('SELECT total_bytes FROM memory LIMIT 1', 'nm');
      expect(mem[0]?.[1]).toBe(15_666_184_192);
      const temp = await influx.query(
        `SELECT celsius FROM temperature WHERE chip = 'platform_coretemp_0' AND sensor = 'temp1'`,
        'nm',
      );
      expect(temp[0]?.[1]).toBe(55);
      const procs = await influx.query(`SELECT "name" FROM process WHERE time = ${s1.t}ms`, 'nm');
      const names = procs.map((v) => v[1]);
      const expected = HOSTILE_NAMES.map(wellFormed);
      expect([...names].sort()).toEqual([...expected].sort());
    });
  },
);
