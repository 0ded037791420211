/**
 * The HTTP server of `nmetrics serve`: /metrics (Prometheus 0.0.4 or OpenMetrics by Accept),
 * /api/snapshot, /healthz, and the web API of src/shared/ipc.ts (invoke, SSE stream, export) that the
 * renderer's web transport speaks; with a UI folder, the built renderer itself.
 *
 * Security: loopback by default; any other address needs a token (the caller generates one when
 * none is given). Without a token only loopback Host headers are accepted (DNS rebinding). Token
 * compared in constant time; 404/405; bodies limited; idle sockets timed out; streams capped.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isInvokeChannel, WEB_API, type InvokeReply } from '../../shared/ipc';
import { MAX_PAYLOAD_BYTES } from '../../shared/payload-schemas';
import { PROMETHEUS_CONTENT_TYPE } from '../../core/export';
import { OPENMETRICS_CONTENT_TYPE, wantsOpenMetrics } from '../../core/export';
import type { WebBackend } from './backend';
import {
  hostHeaderIsLoopback,
  HttpError,
  isLoopbackHost,
  presentedToken,
  readBody,
  send,
  sendError,
  sendJson,
  tokensEqual,
} from './http-util';
import { serveExport } from './export-route';
import { acceptsGzip, createRenderCache } from './render-cache';
import { serveStatic } from './static-files';
import { createStreamHub } from './sse';

export interface MetricsServerOptions {
  readonly backend: WebBackend;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Required unless host is a loopback address. */
  readonly token?: string;
  /** Folder of the built renderer to serve at `/` (serve --ui). */
  readonly uiDir?: string;
  readonly maxBodyBytes?: number;
  readonly maxStreams?: number;
  readonly idleTimeoutMs?: number;
  readonly heartbeatMs?: number;
  /** Processes exported on /metrics, busiest first. */
  readonly topProcesses?: number;
}

export interface MetricsServer {
  readonly server: Server;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

const API_ROUTES: Readonly<Record<string, readonly string[]>> = {
  [WEB_API.metrics]: ['GET', 'HEAD'],
  [WEB_API.snapshot]: ['GET', 'HEAD'],
  [WEB_API.health]: ['GET', 'HEAD'],
  [WEB_API.stream]: ['GET'],
  [WEB_API.export]: ['GET'],
};
const INVOKE_PREFIX = '/api/invoke/';

export function createMetricsServer(options: MetricsServerOptions): MetricsServer {
  const { backend, host, token } = options;
  if (!isLoopbackHost(host) && (token === undefined || token === '')) {
    throw new RangeError(`token: binding to ${host} (not loopback) requires a token`);
  }
  if (token !== undefined && token.length < 16)
    throw new RangeError('token: expected at least 16 characters');
  // Never below what the payload schemas accept, so HTTP and IPC take the same payloads.
  const maxBody = options.maxBodyBytes ?? MAX_PAYLOAD_BYTES;
  const rendered = createRenderCache(options.topProcesses);
  const hub = createStreamHub(backend, {
    maxStreams: options.maxStreams ?? 32,
    heartbeatMs: options.heartbeatMs ?? 15_000,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    // Parsed as a path on a fixed origin: `new URL('//x', base)` would read "//x" as a host.
    let url: URL;
    try {
      if (!target.startsWith('/')) throw new TypeError('not a path');
      url = new URL(`http://localhost${target}`);
    } catch {
      throw new HttpError(400, 'bad request target');
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (token === undefined && !hostHeaderIsLoopback(req))
      throw new HttpError(403, 'Host header must name a loopback address');

    const isInvoke = path.startsWith(INVOKE_PREFIX);
    const allowed = isInvoke
      ? ['POST']
      : (API_ROUTES[path] ??
        (options.uiDir !== undefined && !path.startsWith('/api/') ? ['GET', 'HEAD'] : undefined));
    if (allowed === undefined) throw new HttpError(404, 'not found');
    if (!allowed.includes(method))
      throw new HttpError(405, `method ${method} not allowed`, { allow: allowed.join(', ') });

    if (path === WEB_API.health) return send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
    const isApi = isInvoke || API_ROUTES[path] !== undefined;
    if (!isApi) return serveStatic(res, options.uiDir!, path);

    const given = presentedToken(req, url);
    const authorized = token !== undefined && given !== undefined && tokensEqual(given, token);
    if (token !== undefined && !authorized)
      throw new HttpError(401, 'missing or wrong token', { 'www-authenticate': 'Bearer' });

    if (isInvoke) return invoke(req, res, path.slice(INVOKE_PREFIX.length), authorized);
    if (path === WEB_API.stream) return hub.open(res);
    if (path === WEB_API.export) return serveExport(backend, res, url);
    const sample = backend.latest();
    if (sample === undefined) throw new HttpError(503, 'no sample yet', { 'retry-after': '1' });
    const body = rendered(sample);
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    const headers: Record<string, string> = gzip
      ? { 'content-encoding': 'gzip', vary: 'Accept, Accept-Encoding' }
      : { vary: 'Accept, Accept-Encoding' };
    if (path === WEB_API.snapshot)
      return send(res, 200, 'application/json; charset=utf-8', body('json', gzip), headers);
    if (wantsOpenMetrics(req.headers.accept))
      return send(res, 200, OPENMETRICS_CONTENT_TYPE, body('openmetrics', gzip), headers);
    return send(res, 200, PROMETHEUS_CONTENT_TYPE, body('prometheus', gzip), headers);
  }

  async function invoke(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    authorized: boolean,
  ): Promise<void> {
    let channel: string;
    try {
      channel = decodeURIComponent(name);
    } catch {
      throw new HttpError(400, 'bad channel name encoding');
    }
    if (!isInvokeChannel(channel)) throw new HttpError(404, `unknown channel "${channel}"`);
    // A JSON content type cannot be sent cross-origin without a CORS preflight, which we never grant.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      throw new HttpError(415, 'expected content-type: application/json');
    const body = await readBody(req, maxBody);
    let args: unknown;
    try {
      args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'body: expected a JSON array of arguments');
    }
    if (!Array.isArray(args)) throw new HttpError(400, 'body: expected a JSON array of arguments');
    let reply: InvokeReply<unknown>;
    try {
      reply = { ok: true, value: (await backend.invoke(channel, args, authorized)) ?? null };
    } catch (e) {
      reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    sendJson(res, 200, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) sendError(res, e);
      else sendError(res, new HttpError(500, e instanceof Error ? e.message : String(e)));
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  // Idle sockets (no bytes either way) are closed; SSE streams stay busy with heartbeats.
  server.setTimeout(options.idleTimeoutMs ?? 60_000, (socket) => socket.destroy());
  server.maxConnections = 512;

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        hub.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
