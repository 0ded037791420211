/**
 * One validation layer (issue 11): the same bad payloads sent through main's IPC dispatch and over
 * HTTP to a real `nmetrics serve` server on loopback get the same rejection, word for word, because
 * both check with src/shared/payload-schemas.ts.
 */
import { SECTIONS } from '../../../src/shared/sections';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngineBackend, type EngineBackend } from '../../../src/cli/serve/engine-backend';
import { createMetricsServer, type MetricsServer } from '../../../src/cli/serve/server';
import { createPoller, type Poller } from '../../../src/core/poller';
import { createSampler } from '../../../src/core/sampler';
import {
  registerInvokeHandlers,
  type InvokeEventLike,
  type InvokeHandlers,
} from '../../../src/main/ipc/dispatch';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../src/shared/ipc';
import {
  MAX_PAYLOAD_BYTES,
  MAX_QUERY_SERIES,
  MAX_SERIES_ID_LENGTH,
  validateInvokeArgs,
} from '../../../src/shared/payload-schemas';
import { DEFAULT_SETTINGS, MAX_ALERT_RULES } from '../../../src/shared/settings';

const ROOT = fileURLToPath(new URL('../../fixtures/linux/laptop', import.meta.url));
const TOKEN = 'same-rejection-test-token';
const OURS = 'app://darwinmetrics/index.html?view=dashboard';
const tooManySeries = Array.from({ length: MAX_QUERY_SERIES + 1 }, (_, i) => `cpu.core.${i}.busy`);
const rule = DEFAULT_SETTINGS.alerts[0]!;

const BAD: readonly (readonly [InvokeChannel, readonly unknown[]])[] = [
  ['app:getCapabilities', ['x']],
  ['metrics:getLatest', [1]],
  ['settings:get', [1]],
  ['app:openDashboard', [null]],
  ['metrics:setDemand', []],
  ['metrics:setDemand', ['cpu']],
  ['metrics:setDemand', [['cpu', 'gpuz']]],
  ['metrics:setDemand', [Array.from({ length: SECTIONS.length * 2 + 1 }, () => 'cpu')]],
  ['history:listSeries', [{}]],
  ['history:query', [[]]],
  ['history:query', [{ series: ['cpu.busy'], range: '2h', maxPoints: 10 }]],
  ['history:query', [{ series: ['cpu.busy'], range: '1h', maxPoints: 1e9 }]],
  ['history:query', [{ series: ['cpu.busy'], range: '1h', maxPoints: 1.5 }]],
  ['history:query', [{ series: ['cpu.busy\u0000x'], range: '1h', maxPoints: 10 }]],
  ['history:query', [{ series: ['x'.repeat(257)], range: '1h', maxPoints: 10 }]],
  ['history:query', [{ series: tooManySeries, range: '1h', maxPoints: 10 }]],
  ['history:query', [{ series: [], range: '1h', maxPoints: 10, sql: 'x' }]],
  ['history:query', [{ series: [], range: '1h' }]],
  ['export:run', [{ range: '1h', series: [], format: 'csv' }]],
  ['export:run', [{ range: '1h', series: ['cpu.busy'], format: 'xlsx' }]],
  ['export:run', [{ range: '1h', series: ['cpu.busy'], format: 'csv', path: '/etc/x' }]],
  ['export:run', [{ range: '1h', series: tooManySeries, format: 'csv' }]],
  ['settings:set', []],
  ['settings:set', [null]],
  ['settings:set', [[1]]],
  ['settings:set', [{ trayIntervalMs: -1 }]],
  ['settings:set', [{ windowIntervalMs: '1000' }]],
  ['settings:set', [{ batteryIntervalFactor: null }]],
  ['settings:set', [{ evil: true }]],
  ['settings:set', [{ glanceItems: ['cpu', 'cpu'] }]],
  ['settings:set', [{ alerts: [rule, rule] }]],
  ['settings:set', [{ alerts: [{ ...rule, comparison: '==' }] }]],
  ['settings:set', [{ notifications: { 'cpu-hot': 1 } }]],
];

/** Handlers that must never run: every payload above is rejected before. */
function untouchable(): InvokeHandlers {
  return Object.fromEntries(
    INVOKE_CHANNELS.map((c) => [c, vi.fn(() => Promise.reject(new Error('handler ran')))]),
  ) as unknown as InvokeHandlers;
}

describe('the same bad payloads over IPC and over HTTP', () => {
  let poller: Poller;
  let backend: EngineBackend;
  let server: MetricsServer;
  let base: string;
  const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const handlers = untouchable();

  beforeAll(async () => {
    poller = createPoller({ source: createSampler({ root: ROOT }), intervalMs: 1000, ownsSource: true });
    backend = createEngineBackend({ poller, sections: ['cpu'], hasToken: true });
    server = createMetricsServer({ backend, host: '127.0.0.1', port: 0, token: TOKEN });
    const { port } = await server.listen();
    base = `http://127.0.0.1:${port}`;
    registerInvokeHandlers(
      { handle: (c, l) => void listeners.set(c, l), removeHandler: (c) => void listeners.delete(c) },
      handlers,
      { isTrustedUrl: (url) => url === OURS },
    );
  });
  afterAll(async () => {
    await server.close();
    backend.close();
    await poller.close();
  });

  const overIpc = async (channel: InvokeChannel, args: readonly unknown[]): Promise<string> => {
    const event: InvokeEventLike = { sender: { id: 1 }, senderFrame: { url: OURS } };
    try {
      await listeners.get(channel)!(event, ...args);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${channel} accepted ${JSON.stringify(args)} over IPC`);
  };

  const overHttp = async (channel: InvokeChannel, args: readonly unknown[]): Promise<string> => {
    const res = await fetch(`${base}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(args),
    });
    const reply = (await res.json()) as { ok: boolean; error?: string };
    if (reply.ok) throw new Error(`${channel} accepted ${JSON.stringify(args)} over HTTP`);
    return reply.error!;
  };

  it.each(BAD)('%s %j: one message at both doors', async (channel, args) => {
    const ipc = await overIpc(channel, args);
    expect(ipc.startsWith(`${channel}: `)).toBe(true);
    expect(await overHttp(channel, args)).toBe(ipc);
  });

  it('no handler ran for any of them', () => {
    for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled();
  });

  it('the export download takes the same options as export:run, with one series cap', async () => {
    const cases = [
      { range: '1h', series: tooManySeries, format: 'csv' },
      { range: '2h', series: ['cpu.busy'], format: 'csv' },
      { range: '1h', series: [], format: 'csv' },
      { range: '1h', series: ['cpu.busy'], format: 'xlsx' },
    ];
    for (const options of cases) {
      const ipc = await overIpc('export:run', [options]);
      const query = new URLSearchParams({
        range: options.range,
        series: options.series.join(','),
        format: options.format,
      });
      const res = await fetch(`${base}/api/export?${query}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(400);
      expect(`export:run: ${(await res.text()).trim()}`).toBe(ipc);
    }
    expect(await overIpc('export:run', [cases[0]])).toMatch(
      new RegExp(`options\\.series: expected 1 to ${MAX_QUERY_SERIES} series ids`),
    );
  });
});

describe('the largest payloads the schemas accept', () => {
  it('fit under the HTTP body cap, so no valid IPC payload is refused over HTTP', () => {
    const longId = '\u00e9'.repeat(MAX_SERIES_ID_LENGTH);
    const query = [
      { series: Array.from({ length: MAX_QUERY_SERIES }, () => longId), range: '1h', maxPoints: 1 },
    ];
    expect(() => validateInvokeArgs('history:query', query)).not.toThrow();
    // JSON may escape every character (\uXXXX): the worst case of the same payload.
    const escaped = JSON.stringify(query).replace(/\u00e9/g, '\\u00e9');
    expect(Buffer.byteLength(escaped)).toBeLessThan(MAX_PAYLOAD_BYTES);
    const text = 'x'.repeat(200);
    const rules = Array.from({ length: MAX_ALERT_RULES }, (_, i) => ({
      ...DEFAULT_SETTINGS.alerts[0]!,
      id: `${i}`.padStart(200, 'r'),
      label: text,
      metric: text,
    }));
    expect(() => validateInvokeArgs('settings:set', [{ alerts: rules }])).not.toThrow();
    expect(Buffer.byteLength(JSON.stringify([{ alerts: rules }]).replace(/x/g, '\\u0078'))).toBeLessThan(
      MAX_PAYLOAD_BYTES,
    );
  });
});
