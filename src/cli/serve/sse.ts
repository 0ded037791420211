/**
 * Server-Sent Events for the push channels (one `event:` per channel name, JSON `data:`), with a cap
 * on concurrent streams and no unbounded buffering: a client that cannot keep up misses events
 * until its socket drains, instead of growing our memory.
 */
import type { ServerResponse } from 'node:http';
import type { PushChannel } from '../../shared/ipc';
import type { WebBackend } from './backend';
import { HttpError } from './http-util';

export interface StreamHubOptions {
  readonly maxStreams: number;
  /** A comment line this often keeps proxies and our own idle timeout from closing a quiet stream. */
  readonly heartbeatMs: number;
}

export interface StreamHub {
  open(res: ServerResponse): void;
  readonly count: number;
  closeAll(): void;
}

export function createStreamHub(backend: WebBackend, options: StreamHubOptions): StreamHub {
  const clients = new Set<{ res: ServerResponse; congested: boolean }>();
  let unsubscribe: (() => void) | undefined;

  function broadcast(channel: PushChannel, payload: unknown): void {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of clients) {
      if (c.congested) continue;
      if (!c.res.write(frame)) {
        c.congested = true;
        c.res.once('drain', () => (c.congested = false));
      }
    }
  }

  const heartbeat = setInterval(() => {
    for (const c of clients) if (!c.congested) c.res.write(': keep-alive\n\n');
  }, options.heartbeatMs);
  heartbeat.unref();

  return {
    open(res) {
      if (clients.size >= options.maxStreams) {
        throw new HttpError(503, `too many open streams (limit ${options.maxStreams})`, {
          'retry-after': '10',
        });
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        connection: 'keep-alive',
      });
      const client = { res, congested: false };
      clients.add(client);
      unsubscribe ??= backend.onPush(broadcast);
      res.write('retry: 2000\n\n');
      const latest = backend.latest();
      if (latest !== undefined) res.write(`event: metrics:sample\ndata: ${JSON.stringify(latest)}\n\n`);
      res.on('close', () => {
        clients.delete(client);
        if (clients.size === 0) {
          unsubscribe?.();
          unsubscribe = undefined;
        }
      });
    },
    get count() {
      return clients.size;
    },
    closeAll() {
      clearInterval(heartbeat);
      for (const c of clients) c.res.end();
      clients.clear();
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
