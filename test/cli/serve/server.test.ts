import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsServer, type MetricsServer } from '../../../src/cli/serve/server';
import { tokensEqual } from '../../../src/cli/serve/http-util';
import { MAX_QUERY_SERIES } from '../../../src/shared/payload-schemas';
import type { HistoryResult } from '../../../src/shared/history-types';
import { fullSample } from '../../core/export/full-sample';
import { fakeBackend, type FakeBackend } from '../helpers/fake-backend';

let servers: MetricsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function start(
  opts: Partial<Parameters<typeof createMetricsServer>[0]> = {},
  backend: FakeBackend = fakeBackend(fullSample()),
) {
  const s = createMetricsServer({ backend, host: '127.0.0.1', port: 0, ...opts });
  servers.push(s);
  const { port } = await s.listen();
  return { base: `http://127.0.0.1:${port}`, port, backend };
}

/** A raw request, so tests can send Host headers fetch would not. */
function raw(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const history: HistoryResult = {
  range: '1m',
  fromMs: 0,
  toMs: 2000,
  series: [{ id: 'cpu.busy', t: [1000, 2000], avg: [1, 2], min: [1, 2], max: [1, 2] }],
};

describe('nmetrics serve: routes', () => {
  it('serves /metrics as Prometheus text, or OpenMetrics when asked', async () => {
    const { base } = await start();
    const text = await fetch(`${base}/metrics`);
    expect(text.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await text.text()).toContain('node_load1 0.21');
    const om = await fetch(`${base}/metrics`, {
      headers: { accept: 'application/openmetrics-text;version=1.0.0,text/plain;q=0.5' },
    });
    expect(om.headers.get('content-type')).toMatch(/^application\/openmetrics-text/);
    expect((await om.text()).endsWith('# EOF\n')).toBe(true);
  });
  it('renders each sample once but never serves a stale one', async () => {
    const { base, backend } = await start();
    expect(await (await fetch(`${base}/metrics`)).text()).toContain(
      'darwinmetrics_sample_time_seconds 1764000000',
    );
    backend.push(fullSample(1_764_000_005_000));
    expect(await (await fetch(`${base}/metrics`)).text()).toContain(
      'darwinmetrics_sample_time_seconds 1764000005',
    );
    expect(((await (await fetch(`${base}/api/snapshot`)).json()) as { t: number }).t).toBe(1_764_000_005_000);
  });
  it('gzips /metrics and /api/snapshot for clients that accept it', async () => {
    const { port } = await start();
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path, headers: { host: '127.0.0.1', ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
          );
        })
          .on('error', reject)
          .end();
      });
    const plain = await get('/metrics', {});
    const gz = await get('/metrics', { 'accept-encoding': 'gzip, deflate' });
    expect(plain.encoding).toBeUndefined();
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);
    expect((await get('/metrics', { 'accept-encoding': 'gzip;q=0' })).encoding).toBeUndefined();
    const snap = await get('/api/snapshot', { 'accept-encoding': 'gzip' });
    expect(JSON.parse(gunzipSync(snap.body).toString()).t).toBe(fullSample().t);
  });
  it('serves /api/snapshot and /healthz, and 503 before the first sample', async () => {
    const { base } = await start();
    expect(await (await fetch(`${base}/api/snapshot`)).json()).toEqual(
      JSON.parse(JSON.stringify(fullSample())),
    );
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok\n');
    const empty = await start({}, fakeBackend());
    expect((await fetch(`${empty.base}/metrics`)).status).toBe(503);
  });
  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(404);
    const r = await fetch(`${base}/metrics`, { method: 'POST' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/api/invoke/metrics:getLatest`)).status).toBe(405);
    expect(
      (
        await fetch(`${base}/api/invoke/nope`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '[]',
        })
      ).status,
    ).toBe(404);
  });
  it('runs invoke channels with a JSON array body and replies with an InvokeReply', async () => {
    const { base } = await start();
    const post = (body: string, type = 'application/json') =>
      fetch(`${base}/api/invoke/metrics:getLatest`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const ok = await post('[]');
    expect(await ok.json()).toMatchObject({ ok: true, value: { t: fullSample().t } });
    expect((await post('{}')).status).toBe(400);
    expect((await post('[', 'application/json')).status).toBe(400);
    expect((await post('[]', 'text/plain')).status).toBe(415);
    const denied = await fetch(`${base}/api/invoke/settings:set`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[{}]',
    });
    expect(await denied.json()).toEqual({ ok: false, error: 'settings:set: read-only' });
  });
  it('refuses bodies over the limit with 413', async () => {
    const { base } = await start({ maxBodyBytes: 100 });
    const r = await fetch(`${base}/api/invoke/metrics:getLatest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `[${'1,'.repeat(100)}1]`,
    });
    expect(r.status).toBe(413);
  });
  it('streams pushed samples over SSE, starting with the latest one', async () => {
    const { base, backend } = await start();
    const res = await fetch(`${base}/api/stream`);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (n: number) => {
      while ((text.match(/event: metrics:sample/g) ?? []).length < n)
        text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil(1);
    backend.push(fullSample(42));
    await readUntil(2);
    const frames = text.split('\n\n').filter((f) => f.startsWith('event: metrics:sample'));
    expect(JSON.parse(frames[1]!.split('\ndata: ')[1]!).t).toBe(42);
    await reader.cancel();
  });
  it('caps concurrent streams', async () => {
    const { base } = await start({ maxStreams: 1 });
    const first = await fetch(`${base}/api/stream`);
    const second = await fetch(`${base}/api/stream`);
    expect(second.status).toBe(503);
    await first.body!.cancel();
  });
  it('exports history as a CSV download and validates the query', async () => {
    const { base } = await start({}, fakeBackend(fullSample(), history));
    const r = await fetch(`${base}/api/export?range=1m&series=cpu.busy&format=csv`);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="darwinmetrics-1m-.*\.csv"$/);
    expect(await r.text()).toBe(
      'time,epoch_ms,cpu.busy\r\n1970-01-01T00:00:01.000Z,1000,1\r\n1970-01-01T00:00:02.000Z,2000,2\r\n',
    );
    expect((await fetch(`${base}/api/export?range=2y&series=cpu.busy`)).status).toBe(400);
    expect((await fetch(`${base}/api/export?range=1m&series=`)).status).toBe(400);
    // One cap, one number: the message names the cap the history query enforces.
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `cpu.core.${i}.busy`).join(',');
    const over = await fetch(`${base}/api/export?range=1m&series=${ids(MAX_QUERY_SERIES + 1)}`);
    expect(over.status).toBe(400);
    // The export schema's own message (src/shared/payload-schemas.ts), the same as for IPC.
    expect(await over.text()).toMatch(
      new RegExp(`^options\\.series: expected 1 to ${MAX_QUERY_SERIES} series ids`),
    );
    expect((await fetch(`${base}/api/export?range=1m&series=${ids(MAX_QUERY_SERIES)}`)).status).toBe(200);
    const none = await start();
    expect((await fetch(`${none.base}/api/export?range=1m&series=cpu.busy`)).status).toBe(503);
  });
});

describe('nmetrics serve: a stalled engine', () => {
  it('answers /healthz with 503 naming what stalled, and 503 with the reason before a first sample', async () => {
    const stalled = () => 'thermal: the read has not returned for 9 s';
    const { base } = await start({}, { ...fakeBackend(fullSample()), stalled });
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.text()).toBe('stalled: thermal: the read has not returned for 9 s\n');
    const empty = await start({}, { ...fakeBackend(undefined), stalled });
    const metrics = await fetch(`${empty.base}/metrics`);
    expect(metrics.status).toBe(503);
    expect(await metrics.text()).toMatch(/^no sample yet; stalled: thermal/);
  });
});

describe('nmetrics serve: security', () => {
  it('refuses a non-loopback address without a token, and short tokens', () => {
    expect(() => createMetricsServer({ backend: fakeBackend(), host: '0.0.0.0', port: 0 })).toThrow(/token/);
    expect(() =>
      createMetricsServer({ backend: fakeBackend(), host: '127.0.0.1', port: 0, token: 'short' }),
    ).toThrow(/token/);
  });
  it('requires the token on every API route when one is set, by header or query', async () => {
    const token = 'a-long-enough-test-token';
    const { base } = await start({ token });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } }))
        .status,
    ).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
    expect((await fetch(`${base}/api/snapshot?token=${token}`)).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const set = await fetch(`${base}/api/invoke/settings:set`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '[{}]',
    });
    expect(await set.json()).toMatchObject({ ok: true, value: { authorized: true } });
  });
  it('refuses a token that no Authorization header could carry', () => {
    for (const token of [
      'abcdefghijklmnop qrst',
      'abcdefghijklmnop\tqrst',
      'abcdefghijklmnopqrst\n',
      'abcdéfghijklmnopqrst',
    ])
      expect(() =>
        createMetricsServer({ backend: fakeBackend(fullSample()), host: '0.0.0.0', port: 0, token }),
      ).toThrow(/token: expected visible ASCII characters only/);
  });

  it('times out a request body that trickles in, closing the connection', async () => {
    const { port } = await start({ bodyDeadlineMs: 100 });
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          'POST /api/invoke/settings:get HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n[',
        ),
      );
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply).toContain('body not received within 0.1 s');
  });

  it('compares tokens in constant time over equal-length digests', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(tokensEqual('', 'x')).toBe(false);
  });
  it('refuses foreign Host headers on a token-less loopback server (DNS rebinding)', async () => {
    const { port } = await start();
    expect(await raw(port, '/metrics', { host: 'evil.example' })).toBe(403);
    expect(await raw(port, '/metrics', { host: `localhost:${port}` })).toBe(200);
    expect(await raw(port, '/metrics', { host: `[::1]:${port}` })).toBe(200);
  });
  it('refuses a foreign Origin on a token-less server, and leaves it to the token otherwise', async () => {
    const { port } = await start();
    const own = { host: `127.0.0.1:${port}` };
    expect(await raw(port, '/api/snapshot', { ...own, origin: 'http://evil.example' })).toBe(403);
    expect(await raw(port, '/api/snapshot', { ...own, origin: 'null' })).toBe(403);
    expect(await raw(port, '/api/snapshot', { ...own, origin: `http://127.0.0.1:${port}` })).toBe(200);
    const token = 'correct-horse-battery-staple';
    const withToken = await start({ token });
    const auth = { host: `127.0.0.1:${withToken.port}`, authorization: `Bearer ${token}` };
    expect(await raw(withToken.port, '/api/snapshot', { ...auth, origin: 'http://dashboard.example' })).toBe(
      200,
    );
  });
  it('closes idle connections', async () => {
    const { port } = await start({ idleTimeoutMs: 200 });
    const closed = await new Promise<boolean>((resolve) => {
      // Half a request, then silence: a slowloris client.
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\n'));
      socket.on('close', () => resolve(true));
      socket.on('error', () => undefined);
    });
    expect(closed).toBe(true);
  });
});

describe('nmetrics serve --ui', () => {
  it('serves the built renderer with a strict CSP and never outside its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmetrics-ui-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'nmetrics-secret.txt'), 'secret');
    try {
      const { base, port } = await start({ uiDir: dir });
      const index = await fetch(`${base}/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toMatch(
        /default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/,
      );
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toBe(
        'text/javascript; charset=utf-8',
      );
      expect((await fetch(`${base}/missing.js`)).status).toBe(404);
      expect(await raw(port, '/../nmetrics-secret.txt', { host: '127.0.0.1' })).toBe(404);
      expect(await raw(port, '/%2e%2e/nmetrics-secret.txt', { host: '127.0.0.1' })).toBe(404);
      expect((await fetch(`${base}/api/nope`)).status).toBe(404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(tmpdir(), 'nmetrics-secret.txt'), { force: true });
    }
  });
});

describe('nmetrics serve: /api/export when the client leaves', () => {
  it('stops the export instead of waiting forever for a drain that never comes', async () => {
    let settled: 'pending' | 'resolved' | 'rejected' = 'pending';
    let chunksWritten = 0;
    const backend: FakeBackend = {
      ...fakeBackend(fullSample()),
      exportData(_options, write) {
        const run = (async () => {
          const chunk = 'x'.repeat(64 * 1024) + '\n';
          for (let i = 0; i < 2000; i++) {
            await write(chunk);
            chunksWritten++;
          }
          return { rows: 2000, bytes: 2000 * chunk.length };
        })();
        run.then(
          () => (settled = 'resolved'),
          () => (settled = 'rejected'),
        );
        return run;
      },
    };
    const { port } = await start({}, backend);
    await new Promise<void>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/export?range=1h&series=cpu.busy&format=csv' },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => undefined);
      req.on('close', () => resolve());
      req.end();
    });
    await expect.poll(() => settled, { timeout: 5000 }).not.toBe('pending');
    expect(chunksWritten).toBeLessThan(2000);
  });
});

describe('nmetrics serve: malformed invoke paths', () => {
  it('answers 400, not 500, for a channel name that does not decode', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/invoke/%E0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(res.status).toBe(400);
  });
});
