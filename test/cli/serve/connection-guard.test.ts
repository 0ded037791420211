import { createServer, get, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clientKey,
  guardConnections,
  isLoopbackAddress,
  type ConnectionGuard,
  type ConnectionGuardOptions,
} from '../../../src/cli/serve/connection-guard';

const open: Socket[] = [];
let server: Server | undefined;
afterEach(async () => {
  for (const s of open.splice(0)) s.destroy();
  if (server !== undefined) await new Promise((r) => server!.close(r));
  server = undefined;
});

/** A server that answers `/` at once and holds `/hold` open (a request being served). */
async function start(
  options: Partial<ConnectionGuardOptions>,
  exempt?: (address: string) => boolean,
): Promise<{ port: number; guard: ConnectionGuard; held: ServerResponse[] }> {
  const held: ServerResponse[] = [];
  server = createServer((req, res) => {
    if (req.url === '/hold') held.push(res);
    else res.end('ok');
  });
  const guard = guardConnections(
    server,
    { maxConnections: 512, maxPerAddress: 64, headerDeadlineMs: 60_000, ...options },
    exempt,
  );
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { port: typeof address === 'object' && address !== null ? address.port : 0, guard, held };
}

/** A connection that has sent part of a request header and then nothing. */
function trickle(port: number, request = 'GET / HTTP/1.1\r\nX-Slow: '): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(request);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
    open.push(socket);
  });
}

const closed = (s: Socket) => new Promise<void>((r) => (s.destroyed ? r() : s.once('close', () => r())));

function probe(port: number, path = '/'): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

describe('connection guard', () => {
  it('admits a prompt client when every slot is held by a trickling one, closing the oldest', async () => {
    const { port, guard } = await start({ maxConnections: 8 });
    const slow: Socket[] = [];
    for (let i = 0; i < 8; i++) slow.push(await trickle(port));
    await until(() => guard.counts().waiting === 8);
    for (let i = 0; i < 5; i++) expect(await probe(port)).toBe(200);
    await closed(slow[0]!);
    expect(guard.counts().open).toBeLessThanOrEqual(8);
    expect(slow.slice(5).every((s) => !s.destroyed)).toBe(true);
  });

  it('refuses a new connection only when every slot is serving a request', async () => {
    const { port, guard, held } = await start({ maxConnections: 3 });
    for (let i = 0; i < 3; i++) await trickle(port, 'GET /hold HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => held.length === 3);
    expect(guard.counts()).toEqual({ open: 3, waiting: 0 });
    await expect(probe(port)).rejects.toThrow(/socket hang up|ECONNRESET/);
    for (const res of held) res.end('done');
    await until(() => guard.counts().waiting === 3);
    expect(await probe(port)).toBe(200);
  });

  it('closes a connection that does not finish its request header in time, keep-alive ones too', async () => {
    const { port, guard } = await start({ headerDeadlineMs: 100 });
    const slow = await trickle(port);
    await closed(slow);
    const kept = await trickle(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    let reply = '';
    kept.on('data', (d: Buffer) => (reply += d.toString()));
    await closed(kept);
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    await until(() => guard.counts().open === 0);
    expect(guard.counts().waiting).toBe(0);
  });

  it('caps the slots of one remote address, reclaiming its own waiting connections first', async () => {
    const { port, guard, held } = await start({ maxPerAddress: 3 }, () => false);
    const slow = [await trickle(port), await trickle(port), await trickle(port)];
    const fourth = await trickle(port);
    await closed(slow[0]!);
    expect(fourth.destroyed).toBe(false);
    for (const s of [...slow.slice(1), fourth]) s.destroy();
    await until(() => guard.counts().open === 0);
    for (let i = 0; i < 3; i++) await trickle(port, 'GET /hold HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => held.length === 3);
    await expect(probe(port)).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('leaves upgraded sockets alone once somebody handles upgrades, and only then listens for them', async () => {
    const { port } = await start({ headerDeadlineMs: 100 });
    expect(server!.listenerCount('upgrade')).toBe(0);
    const upgraded: Socket[] = [];
    server!.on('upgrade', (_req, socket: Socket) => {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n');
      upgraded.push(socket);
    });
    expect(server!.listenerCount('upgrade')).toBe(2);
    const client = await trickle(
      port,
      'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: x\r\n\r\n',
    );
    await until(() => upgraded.length === 1);
    // Several header deadlines later the upgraded stream is still open.
    await new Promise((r) => setTimeout(r, 400));
    expect(client.destroyed).toBe(false);
    expect(upgraded[0]!.destroyed).toBe(false);
    upgraded[0]!.destroy();
  });

  it('counts an IPv6 client by its /64, an IPv4 client by its address', () => {
    expect(clientKey('2001:db8:0:1::5')).toBe('2001:db8:0:1');
    expect(clientKey('2001:DB8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0');
    expect(clientKey('::1')).toBe('0:0:0:0');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0');
    expect(clientKey('10.1.2.3')).toBe('10.1.2.3');
    expect(clientKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
  });

  it('knows loopback addresses, IPv4-mapped ones included', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '::2', '']) expect(isLoopbackAddress(a)).toBe(false);
  });
});
