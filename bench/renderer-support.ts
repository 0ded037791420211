/**
 * Shared by the renderer benchmarks: the built renderer served on loopback, Chromium through
 * Playwright, and an in-page DarwinMetricsApi (injected as `window.darwinmetrics`, exactly where the
 * Electron preload puts it) that the bench drives: `window.__bench.push(sample)`.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromiumExecutable } from '../e2e/chromium';
import { ensureRendererBuilt } from '../e2e/support/nmetrics-serve';
import { seriesOf } from '../src/core/history/series';
import type { Sample } from '../src/shared/sample';
import { DEFAULT_SETTINGS } from '../src/shared/settings';

export const log = (name: string, msg: string): void => void console.error(`${name} bench: ${msg}`);

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface BenchEnv {
  readonly browser: Browser;
  readonly url: string;
  /** What GET /__bench/sample answers next: samples reach the page over HTTP, as from the server. */
  setSample(json: string): void;
  close(): Promise<void>;
}

/** Serves the built renderer in `dist` (default: this tree's dist/renderer, rebuilt when stale). */
export async function startBenchEnv(dist?: string): Promise<BenchEnv> {
  if (dist === undefined) ensureRendererBuilt();
  dist ??= join(process.cwd(), 'dist', 'renderer');
  let sampleJson = 'null';
  const server: Server = createServer((req, res) => {
    if (req.url === '/__bench/sample') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(sampleJson);
      return;
    }
    const rel = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, rel === '/' ? 'index.html' : rel);
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  return {
    browser,
    url,
    setSample: (json) => void (sampleJson = json),
    close: async () => {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * The in-page API. History answers are synthetic (a smooth wave per series, `maxPoints` points over
 * the range) so that "1 h of 1 s history" costs the page exactly what a real one would.
 */
function installApi(init: { latest: Sample; series: unknown; settings: unknown }): void {
  const subs = { sample: new Set<(s: unknown) => void>() };
  const w = globalThis as unknown as Record<string, unknown>;
  const push = (s: unknown): void => subs.sample.forEach((cb) => cb(s));
  w['__bench'] = {
    push,
    /** Fetches the next sample from the bench server and delivers it, like the SSE transport. */
    pushFetched: async () => push(await (await fetch('/__bench/sample')).json()),
    listeners: () => subs.sample.size,
  };
  const rangeMs: Record<string, number> = {
    '1m': 6e4,
    '5m': 3e5,
    '15m': 9e5,
    '1h': 3.6e6,
    '24h': 8.64e7,
    '7d': 6.048e8,
  };
  const none = () => () => undefined;
  w['darwinmetrics'] = {
    onSample: (cb: (s: unknown) => void) => {
      subs.sample.add(cb);
      return () => subs.sample.delete(cb);
    },
    onSettingsChanged: none,
    onAlert: none,
    getCapabilities: async () => ({
      platform: 'linux',
      shell: 'electron',
      sections: {},
      hostname: 'bench',
      canChangeSettings: true,
    }),
    getLatest: async () => init.latest,
    setDemand: async () => undefined,
    listSeries: async () => init.series,
    getHistory: async (range: string, ids: string[], maxPoints: number) => {
      const toMs = Date.now();
      const span = rangeMs[range] ?? 3.6e6;
      const n = Math.min(maxPoints, Math.floor(span / 1000));
      const step = span / n;
      return {
        range,
        fromMs: toMs - span,
        toMs,
        series: ids.map((id, k) => {
          const t = Array.from({ length: n }, (_, i) => toMs - span + (i + 1) * step);
          const avg = t.map((_, i) => 40 + 30 * Math.sin((i + k * 7) / 40));
          return { id, t, avg, min: avg, max: avg };
        }),
      };
    },
    exportCsv: async () => ({ saved: false, rows: 0, bytes: 0 }),
    getSettings: async () => init.settings,
    setSettings: async () => init.settings,
    openDashboard: async () => undefined,
    openSettings: async () => undefined,
  };
}

/** Opens a view with the in-page API; resolves once the first sample is on screen. */
export async function openView(env: BenchEnv, view: 'popover' | 'dashboard', latest: Sample): Promise<Page> {
  const page = await env.browser.newPage({
    viewport: view === 'popover' ? { width: 360, height: 520 } : { width: 1400, height: 1000 },
  });
  const series = seriesOf(latest).map(({ id, label, unit }) => ({ id, label, unit }));
  await page.addInitScript(installApi, { latest, series, settings: DEFAULT_SETTINGS });
  await page.goto(`${env.url}/#/${view}`);
  return page;
}

/** Forces a full garbage collection in the page and returns the used JS heap, bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}
