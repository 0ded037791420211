/**
 * `GET /api/ws`: the WebSocket stream (protocol in src/shared/stream-protocol.ts), framed by the `ws`
 * library. Each socket holds at most one poller subscription at its own pace (core/poller's
 * paced-subscription); a socket that cannot keep up holds at most one sample in our memory, the
 * rest are dropped oldest-first by the poller's mailbox. The handshake passes the same checks as
 * every other route (access.ts); sockets are capped, pinged, and closed when idle.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { pacedIntervalMs, subscribePaced } from '../../core/poller';
import type { Poller } from '../../core/poller';
import { WEB_API } from '../../shared/ipc';
import {
  MAX_CLIENT_MESSAGE_BYTES,
  parseClientMessage,
  type ServerMessage,
} from '../../shared/stream-protocol';
import { SECTIONS, type SectionName } from '../../shared/sections';
import { authorize, checkCaller, requestUrl } from './access';
import { HttpError } from './http-util';
import { createSampleEncoder, renderJsonSampleFrame, type SampleEncoder } from './sample-encoder';

export interface WsEndpointOptions {
  readonly poller: Pick<Poller, 'subscribe' | 'intervalMs'>;
  readonly token?: string;
  readonly maxSockets: number;
  /** A ping this often; a socket that did not answer the previous one is dropped (default 30 s). */
  readonly pingIntervalMs?: number;
  /** A socket with no subscription this long is closed (default 60 s, as the HTTP idle timeout). */
  readonly idleTimeoutMs?: number;
}

export interface WsEndpoint {
  /** The server's 'upgrade' listener. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly count: number;
  /** Bytes handed to sockets and not yet written to the kernel, over every client. */
  readonly bufferedBytes: number;
  /** Closes every socket (1001, going away) and stops the keepalive timer. */
  close(): void;
}

/**
 * Control replies (acks, errors) are dropped rather than queued once this much of them is waiting
 * to be written: a client that floods bad messages and never reads cannot grow our memory either.
 */
const CONTROL_BUFFER_LIMIT = 64 * 1024;

function refuse(socket: Duplex, err: HttpError): void {
  const headers = Object.entries(err.headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const body = `${err.message}\n`;
  socket.end(
    `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? ''}\r\nconnection: close\r\n` +
      `content-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`,
  );
}

class WsClient {
  alive = true;
  /** Control replies handed to the socket and not yet written. */
  private controlBytes = 0;
  private unsubscribe: (() => void) | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly poller: WsEndpointOptions['poller'],
    private readonly encoder: SampleEncoder,
    private readonly idleTimeoutMs: number,
  ) {
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    this.armIdle();
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.idleTimer);
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(
      () => this.ws.close(1000, `idle: no subscription for ${this.idleTimeoutMs / 1000} s`),
      this.idleTimeoutMs,
    );
    this.idleTimer.unref();
  }

  private control(message: ServerMessage): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    const text = JSON.stringify(message);
    // Counted apart from the one sample frame in flight, which may alone exceed the limit.
    if (this.controlBytes + text.length > CONTROL_BUFFER_LIMIT) return;
    this.controlBytes += text.length;
    this.ws.send(text, () => (this.controlBytes -= text.length));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return this.control({ type: 'error', message: 'message: expected a JSON text frame' });
    const parsed = parseClientMessage(data.toString());
    if (!parsed.ok) return this.control({ type: 'error', message: parsed.error });
    const message = parsed.message;
    this.close();
    if (message.type === 'unsubscribe') {
      this.armIdle();
      return this.control({ type: 'unsubscribed' });
    }
    // In SECTIONS order, so that clients asking for the same set share one encoded frame.
    const sections = SECTIONS.filter((name) => message.sections.includes(name));
    const base = this.poller.intervalMs;
    const intervalMs = pacedIntervalMs(message.intervalMs ?? base, base);
    this.control({ type: 'subscribed', sections, intervalMs });
    this.subscribe(sections, intervalMs);
  }

  private subscribe(sections: readonly SectionName[], intervalMs: number): void {
    const key = sections.join(',');
    this.unsubscribe = subscribePaced(this.poller, sections, intervalMs, (sample) => {
      if (this.ws.readyState !== this.ws.OPEN) return;
      const frame = this.encoder.frame(sample, key);
      // Resolves once the frame is handed to the kernel: until then the poller keeps only the newest sample.
      return new Promise<void>((resolve) => this.ws.send(frame, { binary: false }, () => resolve()));
    });
  }
}

export function createWsEndpoint(options: WsEndpointOptions): WsEndpoint {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    // Samples are sent to many clients; compressing each copy would cost more CPU than it saves on loopback.
    perMessageDeflate: false,
    clientTracking: false,
  });
  const clients = new Map<WebSocket, WsClient>();
  const encoder = createSampleEncoder(renderJsonSampleFrame);
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;

  const keepalive = setInterval(() => {
    for (const [ws, client] of clients) {
      if (!client.alive) {
        ws.terminate();
        continue;
      }
      client.alive = false;
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  keepalive.unref();

  function accept(ws: WebSocket): void {
    const client = new WsClient(ws, options.poller, encoder, idleTimeoutMs);
    clients.set(ws, client);
    ws.on('close', () => {
      client.close();
      clients.delete(ws);
    });
    // A protocol error (an oversized frame: 1009) closes the socket; nothing to report beyond that.
    ws.on('error', () => undefined);
  }

  return {
    handleUpgrade(req, socket, head) {
      try {
        const url = requestUrl(req);
        if (url.pathname !== WEB_API.ws) throw new HttpError(404, 'not found');
        checkCaller(req, options.token);
        authorize(req, url, options.token);
        if (clients.size >= options.maxSockets)
          throw new HttpError(503, `too many open streams (limit ${options.maxSockets})`, {
            'retry-after': '10',
          });
      } catch (e) {
        return refuse(socket, e instanceof HttpError ? e : new HttpError(400, String(e)));
      }
      // The HTTP server's idle timeout is for requests; an open socket is kept alive by pings instead.
      if ('setTimeout' in socket && typeof socket.setTimeout === 'function') socket.setTimeout(0);
      wss.handleUpgrade(req, socket, head, accept);
    },
    get count() {
      return clients.size;
    },
    get bufferedBytes() {
      let sum = 0;
      for (const ws of clients.keys()) sum += ws.bufferedAmount;
      return sum;
    },
    close() {
      clearInterval(keepalive);
      for (const [ws, client] of clients) {
        client.close();
        ws.close(1001, 'server shutting down');
        // A client that does not answer the close handshake must not hold up the server's exit.
        setTimeout(() => ws.terminate(), 1000).unref();
      }
      clients.clear();
      wss.close();
    },
  };
}
