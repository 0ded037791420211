/**
 * The WebSocket endpoint on its own, over a poller fed by the test (the real one-slot mailbox of
 * core/poller-subscriber), where a test must push samples faster than a machine samples or shorten
 * the keepalive: a client that never reads, pings, idle sockets.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWsEndpoint, type WsEndpoint } from '../../../src/cli/serve/ws-endpoint';
import type { Sample } from '../../../src/shared/sample';
import { openStream } from '../helpers/ws-client';
import { FedPoller } from '../helpers/fed-poller';

/** A sample whose cpu section carries `bytes` of text, so that a few of them fill any socket buffer. */
function bigSample(t: number, bytes: number): Sample {
  return { t, mono: t * 1e6, cpu: { ok: true, value: { model: 'x'.repeat(bytes) } } } as unknown as Sample;
}

let servers: Server[] = [];
let endpoints: WsEndpoint[] = [];
afterEach(async () => {
  for (const e of endpoints) e.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
  endpoints = [];
});

async function start(options: { pingIntervalMs?: number; idleTimeoutMs?: number } = {}) {
  const poller = new FedPoller();
  const endpoint = createWsEndpoint({ poller, maxSockets: 4, ...options });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => endpoint.handleUpgrade(req, socket, head));
  servers.push(server);
  endpoints.push(endpoint);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { poller, endpoint, port };
}

/** A client that speaks the handshake and one masked text frame by hand, then reads only when told. */
async function rawClient(
  port: number,
  message: string,
): Promise<{ socket: Socket; frames: () => string[]; send: (text: string) => boolean }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  socket.write(
    `GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let buffer = Buffer.alloc(0);
  let handshakeDone = false;
  const frames: string[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!handshakeDone) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      handshakeDone = true;
      buffer = buffer.subarray(end + 4);
    }
    // RFC 6455 §5.2: server frames are unmasked; 126 and 127 announce 16- and 64-bit lengths.
    for (;;) {
      if (buffer.length < 2) return;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      frames.push(buffer.subarray(offset, offset + length).toString());
      buffer = buffer.subarray(offset + length);
    }
  });
  socket.write(maskedFrame(message));
  return { socket, frames: () => frames, send: (text) => socket.write(maskedFrame(text)) };
}

/** A client's text frame (RFC 6455 §5.3: masked), for payloads under 126 bytes. */
function maskedFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const masked = payload.map((b, i) => b ^ mask[i % 4]!);
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

const tick = () => new Promise((r) => setImmediate(r));

describe('WebSocket endpoint', () => {
  it('holds at most one sample for a client that never reads, and sends it the newest when it does', async () => {
    const { poller, endpoint, port } = await start();
    const client = await rawClient(port, '{"type":"subscribe","sections":["cpu"]}');
    while (poller.subscribers.size === 0) await tick();
    client.socket.pause();
    const frameBytes = 1 << 20;
    const pushed = 300; // 300 MiB offered: far beyond what the kernel's socket buffers absorb
    let maxBuffered = 0;
    for (let i = 1; i <= pushed; i++) {
      poller.push(bigSample(i * 250, frameBytes));
      maxBuffered = Math.max(maxBuffered, endpoint.bufferedBytes);
      await tick();
    }
    // One frame on its way to the kernel at a time; everything else was replaced in the mailbox.
    expect(maxBuffered).toBeLessThanOrEqual(frameBytes + 1024);
    client.socket.resume();
    const newest = `"t":${pushed * 250},`;
    while (!client.frames().some((f) => f.includes(newest))) await new Promise((r) => setTimeout(r, 20));
    const samples = client.frames().filter((f) => f.startsWith('{"type":"sample"'));
    expect(samples.length).toBeLessThan(pushed / 4);
    client.socket.destroy();
  });

  it('bounds the error replies to a client that floods bad messages and never reads', async () => {
    const { endpoint, port } = await start();
    const client = await rawClient(port, '{"type":"nope"}');
    client.socket.pause();
    let maxBuffered = 0;
    // 200 000 errors of about 70 bytes: 14 MB, far beyond what the kernel's socket buffers absorb.
    for (let i = 0; i < 200; i++) {
      for (let j = 0; j < 1000; j++) client.send('{"type":"nope"}');
      await tick();
      maxBuffered = Math.max(maxBuffered, endpoint.bufferedBytes);
    }
    await new Promise((r) => setTimeout(r, 50));
    maxBuffered = Math.max(maxBuffered, endpoint.bufferedBytes);
    // 64 KiB of replies plus their 2-byte frame headers (RFC 6455 §5.2).
    expect(maxBuffered).toBeLessThanOrEqual(64 * 1024 * 1.05);
    expect(endpoint.count).toBe(1);
    client.socket.destroy();
  });

  it('drops a socket that stops answering pings and keeps one that answers', async () => {
    const { port } = await start({ pingIntervalMs: 50 });
    const silent = await openStream(`ws://127.0.0.1:${port}/api/ws`, { autoPong: false });
    const polite = await openStream(`ws://127.0.0.1:${port}/api/ws`);
    polite.send({ type: 'subscribe', sections: ['cpu'] });
    await polite.next('subscribed');
    expect((await silent.closed).code).toBe(1006);
    expect(polite.ws.readyState).toBe(WebSocket.OPEN);
    polite.close();
  });

  it('closes a socket that holds no subscription for the idle timeout', async () => {
    const { port } = await start({ idleTimeoutMs: 100 });
    const idle = await openStream(`ws://127.0.0.1:${port}/api/ws`);
    const busy = await openStream(`ws://127.0.0.1:${port}/api/ws`);
    busy.send({ type: 'subscribe', sections: ['cpu'] });
    await busy.next('subscribed');
    expect(await idle.closed).toEqual({ code: 1000, reason: 'idle: no subscription for 0.1 s' });
    expect(busy.ws.readyState).toBe(WebSocket.OPEN);
    busy.send({ type: 'unsubscribe' });
    await busy.next('unsubscribed');
    expect((await busy.closed).code).toBe(1000);
  });

  it('ends the subscription when the socket closes, and refuses other paths', async () => {
    const { poller, port } = await start();
    const c = await openStream(`ws://127.0.0.1:${port}/api/ws`);
    c.send({ type: 'subscribe', sections: ['cpu'] });
    await c.next('subscribed');
    expect(poller.subscribers.size).toBe(1);
    c.close();
    await c.closed;
    while (poller.subscribers.size > 0) await new Promise((r) => setTimeout(r, 10));
    await expect(openStream(`ws://127.0.0.1:${port}/api/other`)).rejects.toThrow('HTTP 404');
  });
});
