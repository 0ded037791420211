/**
 * The HTTP server of `nmetrics serve`: /metrics (Prometheus 0.0.4 or OpenMetrics by Accept),
 * /api/snapshot, /healthz, and the web API of src/shared/ipc.ts (invoke, SSE stream, export) that the
 * renderer's web transport speaks; with a UI folder, the built renderer itself.
 *
 * Security: loopback by default; any other address needs a token (the caller generates one when
 * none is given). Without a token only loopback Host headers are accepted (DNS rebinding). Token
 * compared in constant time; 404/405; bodies limited in size and time; idle sockets timed out;
 * streams capped; connection slots guarded against slow clients (connection-guard.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isInvokeChannel, WEB_API, type InvokeReply } from '../../shared/ipc';
import { MAX_PAYLOAD_BYTES } from '../../shared/payload-schemas';
import { PROMETHEUS_CONTENT_TYPE } from '../../core/export';
import { OPENMETRICS_CONTENT_TYPE, wantsOpenMetrics } from '../../core/export';
import type { WebBackend } from './backend';
import { authorize, checkCaller, requestUrl } from './access';
import { DEFAULT_CONNECTION_LIMITS, guardConnections, type ConnectionGuardOptions } from './connection-guard';
import { HttpError, isLoopbackHost, readBody, send, sendError, sendJson, tokenProblem } from './http-util';
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
  /** How long a request body may take to arrive (default BODY_DEADLINE_MS). */
  readonly bodyDeadlineMs?: number;
  readonly maxStreams?: number;
  readonly idleTimeoutMs?: number;
  readonly heartbeatMs?: number;
  /** Processes exported on /metrics, busiest first. */
  readonly topProcesses?: number;
  /** Connection slots and header deadline (default DEFAULT_CONNECTION_LIMITS). */
  readonly connectionLimits?: Partial<ConnectionGuardOptions>;
}

export interface MetricsServer {
  readonly server: Server;
  /** Open connections, and how many wait for a request header (connection-guard.ts). */
  connections(): { readonly open: number; readonly waiting: number };
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

const API_ROUTES: Readonly<Record<string, readonly string[]>> = {
  [WEB_API.metrics]: ['GET', 'HEAD'],
  [WEB_API.snapshot]: ['GET', 'HEAD'],
  [WEB_API.health]: ['GET', 'HEAD'],
  [WEB_API.stream]: ['GET'],
  [WEB_API.export]: ['GET'],
  [WEB_API.ws]: ['GET'],
};
const INVOKE_PREFIX = '/api/invoke/';

export function createMetricsServer(options: MetricsServerOptions): MetricsServer {
  const { backend, host, token } = options;
  if (!isLoopbackHost(host) && (token === undefined || token === '')) {
    throw new RangeError(`token: binding to ${host} (not loopback) requires a token`);
  }
  const problem = token === undefined ? undefined : tokenProblem(token);
  if (problem !== undefined) throw new RangeError(`token: ${problem}`);
  // Never below what the payload schemas accept, so HTTP and IPC take the same payloads.
  const maxBody = options.maxBodyBytes ?? MAX_PAYLOAD_BYTES;
  const rendered = createRenderCache(options.topProcesses);
  const hub = createStreamHub(backend, {
    maxStreams: options.maxStreams ?? 32,
    heartbeatMs: options.heartbeatMs ?? 15_000,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    checkCaller(req, token);

    const isInvoke = path.startsWith(INVOKE_PREFIX);
    const allowed = isInvoke
      ? ['POST']
      : (API_ROUTES[path] ??
        (options.uiDir !== undefined && !path.startsWith('/api/') ? ['GET', 'HEAD'] : undefined));
    if (allowed === undefined) throw new HttpError(404, 'not found');
    if (!allowed.includes(method))
      throw new HttpError(405, `method ${method} not allowed`, { allow: allowed.join(', ') });

    if (path === WEB_API.health) {
      // A stalled read is unhealthy: the process answers, but its numbers no longer move.
      const stalled = backend.stalled?.();
      if (stalled !== undefined) return send(res, 503, 'text/plain; charset=utf-8', `stalled: ${stalled}\n`);
      return send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
    }
    const isApi = isInvoke || API_ROUTES[path] !== undefined;
    if (!isApi) return serveStatic(res, options.uiDir!, path);

    const authorized = authorize(req, url, token);

    if (isInvoke) return invoke(req, res, path.slice(INVOKE_PREFIX.length), authorized);
    if (path === WEB_API.stream) return hub.open(res);
    // A WebSocket handshake goes to the server's 'upgrade' event (ws-endpoint.ts), never here.
    if (path === WEB_API.ws)
      throw new HttpError(426, 'expected a WebSocket upgrade', { upgrade: 'websocket' });
    if (path === WEB_API.export) return serveExport(backend, res, url);
    const sample = backend.latest();
    if (sample === undefined) {
      const stalled = backend.stalled?.();
      const reason = stalled === undefined ? 'no sample yet' : `no sample yet; stalled: ${stalled}`;
      throw new HttpError(503, reason, { 'retry-after': '1' });
    }
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
    const body = await readBody(req, maxBody, options.bodyDeadlineMs);
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
  // Slots and header deadlines, enforced per connection (Node's own checks run every 30 s).
  const guard = guardConnections(server, { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits });

  return {
    server,
    connections: () => guard.counts(),
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
