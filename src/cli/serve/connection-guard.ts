/**
 * Connection slots for `nmetrics serve`, kept out of reach of a slow client (issue #17, slowloris).
 *
 * Node's own limits did not hold: `maxConnections` refuses the *new* connection when full, so 512
 * sockets trickling one header byte each locked every real client out, and `headersTimeout` is only
 * checked every `connectionsCheckingInterval` (30 s). Here a connection that has not yet sent a
 * whole request header (a new one, or a keep-alive one between requests) is *waiting*, and waiting
 * connections are cheap:
 * - each has its own deadline to present a request header (`headerDeadlineMs`), checked by a timer;
 * - when all slots are taken, the oldest waiting connection is closed to admit the new one, so a
 *   client that sends its request promptly (a probe, a scrape) always gets in; only when every slot
 *   is serving a request is the new connection refused;
 * - one client off loopback holds at most `maxPerAddress` slots; past that its own oldest waiting
 *   connection makes room (or the new one is refused). A client is an IPv4 address or an IPv6 /64,
 *   the smallest prefix a site is given (RFC 6177), so rotating through the addresses of one
 *   network does not multiply its slots. Loopback is exempt: every local client shares 127.0.0.1,
 *   so a per-address cap there would be a cap on everybody.
 * Sockets taken over by an upgrade (WebSocket) count as serving.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionGuardOptions {
  readonly maxConnections: number;
  readonly maxPerAddress: number;
  readonly headerDeadlineMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionGuardOptions = {
  maxConnections: 512,
  maxPerAddress: 64,
  headerDeadlineMs: 10_000,
};

export interface ConnectionGuard {
  /** Open connections, and how many of them wait for a request header. */
  counts(): { readonly open: number; readonly waiting: number };
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how a dual-stack socket reports IPv4 peers). */
export function isLoopbackAddress(address: string): boolean {
  const a = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return a === '::1' || a.startsWith('127.');
}

/** `exempt` says which remote addresses the per-address cap spares (tests pass their own). */
/** The first four groups of an IPv6 address ("2001:db8:0:1"), or an IPv4 address as it is. */
export function clientKey(address: string): string {
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (!v4.includes(':')) return v4;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':');
}

export function guardConnections(
  server: Server,
  options: ConnectionGuardOptions = DEFAULT_CONNECTION_LIMITS,
  exempt: (address: string) => boolean = isLoopbackAddress,
): ConnectionGuard {
  /** Every connection, with its client key (clientKey). */
  const open = new Map<Socket, string>();
  /** Insertion order is age: the first entry is the oldest waiting connection. */
  const waiting = new Map<Socket, NodeJS.Timeout>();
  const byAddress = new Map<string, Set<Socket>>();

  function stopWaiting(socket: Socket): void {
    const timer = waiting.get(socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    waiting.delete(socket);
  }

  function wait(socket: Socket): void {
    stopWaiting(socket);
    const timer = setTimeout(() => socket.destroy(), options.headerDeadlineMs);
    timer.unref();
    waiting.set(socket, timer);
  }

  function forget(socket: Socket): void {
    const key = open.get(socket);
    if (key === undefined) return;
    open.delete(socket);
    stopWaiting(socket);
    const mine = byAddress.get(key);
    mine?.delete(socket);
    if (mine?.size === 0) byAddress.delete(key);
  }

  function evict(socket: Socket): void {
    forget(socket);
    socket.destroy();
  }

  /** Makes room among `pool` by closing its oldest waiting connection; false when none waits. */
  function makeRoom(pool: ReadonlySet<Socket> | undefined): boolean {
    for (const socket of waiting.keys()) {
      if (pool === undefined || pool.has(socket)) {
        evict(socket);
        return true;
      }
    }
    return false;
  }

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const key = clientKey(address);
    const mine = byAddress.get(key);
    const perAddressFull = !exempt(address) && mine !== undefined && mine.size >= options.maxPerAddress;
    if (
      (perAddressFull && !makeRoom(mine)) ||
      (open.size >= options.maxConnections && !makeRoom(undefined))
    ) {
      socket.destroy();
      return;
    }
    open.set(socket, key);
    byAddress.set(key, (mine ?? new Set()).add(socket));
    wait(socket);
    socket.once('close', () => forget(socket));
  });

  server.on('request', (req, res) => {
    const socket = req.socket;
    if (!open.has(socket)) return;
    stopWaiting(socket);
    // Back to waiting for the next request once this one is answered (keep-alive).
    res.once('finish', () => {
      if (open.has(socket) && !socket.destroyed) wait(socket);
    });
  });
  // An upgraded socket (WebSocket) is serving from then on. The hook is added only once somebody
  // handles upgrades: any 'upgrade' listener makes Node hand such requests over instead of
  // refusing them, so listening unasked would leave them hanging.
  let upgradeHooked = false;
  server.on('newListener', (event) => {
    if (event !== 'upgrade' || upgradeHooked) return;
    upgradeHooked = true;
    server.prependListener('upgrade', (req: IncomingMessage) => stopWaiting(req.socket));
  });

  return { counts: () => ({ open: open.size, waiting: waiting.size }) };
}
