/** A real `ws` client for the stream tests: parsed messages in arrival order, awaited one by one. */
import WebSocket from 'ws';
import type { ServerMessage } from '../../../src/shared/stream-protocol';

export interface StreamClient {
  readonly ws: WebSocket;
  /** The next message of the given type (messages of other types before it are skipped). */
  next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>>;
  send(value: unknown): void;
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function openStream(url: string, options: WebSocket.ClientOptions = {}): Promise<StreamClient> {
  const ws = new WebSocket(url, options);
  const queue: ServerMessage[] = [];
  let wake: (() => void) | undefined;
  ws.on('message', (data) => {
    queue.push(JSON.parse(data.toString()) as ServerMessage);
    wake?.();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      wake?.();
    }),
  );
  const client: StreamClient = {
    ws,
    async next(type) {
      for (;;) {
        const i = queue.findIndex((m) => m.type === type);
        if (i >= 0) return queue.splice(i, 1)[0] as never;
        if (ws.readyState === WebSocket.CLOSED) throw new Error(`socket closed before a "${type}" message`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    send: (value) => ws.send(typeof value === 'string' ? value : JSON.stringify(value)),
    closed,
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}
