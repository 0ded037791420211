/**
 * A small server speaking WEB_API (src/shared/ipc.ts) with synthetic samples, for developing and
 * benchmarking the renderer without the engine. The e2e specs run against the real
 * `nmetrics serve --ui` when it is built; this stands in only where the spec says so.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { HISTORY_RANGE_MS, type HistoryQuery, type HistorySeries } from '../../src/shared/history-types';
import type { Capabilities, ExportOptions, Settings } from '../../src/shared/ipc';
import type { Sample } from '../../src/shared/sample';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { seriesPoints } from './series-points';
import { syntheticSample } from './synthetic-sample';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

export interface FakeServer {
  readonly url: string;
  readonly samples: readonly Sample[];
  close(): Promise<void>;
}

export interface FakeServerOptions {
  readonly distDir?: string;
  readonly intervalMs?: number;
  /** Samples already in the history when the server starts. */
  readonly backfill?: number;
  readonly processCount?: number;
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const distDir = options.distDir ?? join(process.cwd(), 'dist', 'renderer');
  const intervalMs = options.intervalMs ?? 1000;
  const samples: Sample[] = [];
  let index = 0;
  const now = Date.now();
  for (let k = options.backfill ?? 0; k > 0; k -= 1)
    samples.push(syntheticSample(index++, now - k * 1000, options.processCount));
  let settings: Settings = DEFAULT_SETTINGS;
  const streams = new Set<ServerResponse>();

  const timer = setInterval(() => {
    const s = syntheticSample(index++, Date.now(), options.processCount);
    samples.push(s);
    if (samples.length > 4000) samples.shift();
    for (const res of streams) res.write(`event: metrics:sample\ndata: ${JSON.stringify(s)}\n\n`);
  }, intervalMs);

  const capabilities: Capabilities = {
    platform: 'linux',
    shell: 'web',
    sections: { rails: { available: false, reason: 'No power rails on this machine' } },
    hostname: 'test-laptop',
    canChangeSettings: true,
  };

  function inRange(range: keyof typeof HISTORY_RANGE_MS): Sample[] {
    const to = Date.now();
    return samples.filter((s) => s.t >= to - HISTORY_RANGE_MS[range] && s.t <= to);
  }

  function query(q: HistoryQuery) {
    const rows = inRange(q.range);
    const toMs = Date.now();
    const series: HistorySeries[] = q.series.map((id) => {
      const pts = rows.flatMap((s) =>
        seriesPoints(s)
          .filter((p) => p.id === id)
          .map((p) => ({ t: s.t, v: p.value })),
      );
      const size = Math.max(1, Math.ceil(pts.length / q.maxPoints));
      const out = { id, t: [] as number[], avg: [] as number[], min: [] as number[], max: [] as number[] };
      for (let k = 0; k < pts.length; k += size) {
        const b = pts.slice(k, k + size);
        out.t.push(b[b.length - 1]!.t);
        out.avg.push(b.reduce((a, p) => a + p.v, 0) / b.length);
        out.min.push(Math.min(...b.map((p) => p.v)));
        out.max.push(Math.max(...b.map((p) => p.v)));
      }
      return out;
    });
    return { range: q.range, fromMs: toMs - HISTORY_RANGE_MS[q.range], toMs, series };
  }

  function csv(opts: ExportOptions): string {
    const lines = [['time', 'epoch_ms', ...opts.series].join(',')];
    for (const s of inRange(opts.range)) {
      const byId = new Map(seriesPoints(s).map((p) => [p.id, p.value]));
      lines.push(
        [
          new Date(s.t).toISOString(),
          String(s.t),
          ...opts.series.map((id) => String(byId.get(id) ?? '')),
        ].join(','),
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  const handlers: Record<string, (args: unknown[]) => unknown> = {
    'app:getCapabilities': () => capabilities,
    'metrics:getLatest': () => samples[samples.length - 1] ?? null,
    'metrics:setDemand': () => undefined,
    'history:listSeries': () => {
      const last = samples[samples.length - 1];
      return last ? seriesPoints(last).map(({ id, label, unit }) => ({ id, label, unit })) : [];
    },
    'history:query': (args) => query(args[0] as HistoryQuery),
    'settings:get': () => settings,
    'settings:set': (args) => (settings = { ...settings, ...(args[0] as Partial<Settings>) }),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/invoke/') && req.method === 'POST') {
      const channel = url.pathname.slice('/api/invoke/'.length);
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const handler = handlers[channel];
      const reply = handler
        ? { ok: true, value: handler(JSON.parse(body || '[]') as unknown[]) ?? null }
        : { ok: false, error: `unknown channel ${channel}` };
      res.writeHead(handler ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
      return;
    }
    if (url.pathname === '/api/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': hello\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/api/export') {
      const range = (url.searchParams.get('range') ?? '5m') as ExportOptions['range'];
      const series = (url.searchParams.get('series') ?? '').split(',').filter(Boolean);
      res.writeHead(200, { 'content-type': 'text/csv' }).end(csv({ range, series, format: 'csv' }));
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(distDir, rel === '/' ? 'index.html' : rel);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    samples,
    close: () =>
      new Promise<void>((r) => {
        clearInterval(timer);
        for (const res of streams) res.end();
        server.close(() => r());
      }),
  };
}
