/** Small HTTP helpers for the server: replies, bounded bodies, token and host checks. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': contentType,
    'content-length': String(data.length),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : data);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

export function sendError(res: ServerResponse, err: HttpError): void {
  send(res, err.status, 'text/plain; charset=utf-8', err.message + '\n', { ...err.headers });
}

/**
 * How long a request body may take to arrive. Bodies are JSON argument lists of at most 64 KiB:
 * a client sending one slower than this is holding a slot, not uploading.
 */
export const BODY_DEADLINE_MS = 10_000;

/**
 * Reads a request body up to `limit` bytes within `deadlineMs`; larger bodies are refused with 413
 * without reading on, slower ones with 408 (and the connection closed).
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  deadlineMs = BODY_DEADLINE_MS,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new HttpError(413, `body larger than ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.removeAllListeners('data');
      reject(new HttpError(408, `body not received within ${deadlineMs / 1000} s`, { connection: 'close' }));
    }, deadlineMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        clearTimeout(timer);
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, `body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Compares two secrets in constant time (hashing first makes the lengths equal, so length leaks nothing). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer T` header (HTTP) or `authorization` metadata (gRPC). */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}

/**
 * Why a token cannot protect a server, or undefined when it can. A token travels in
 * `Authorization: Bearer T`, whose token is visible ASCII without spaces (RFC 6750 §2.1
 * b64token, RFC 9110 §5.5 field values): one with whitespace or other characters was accepted
 * before and then matched no request (issue #17).
 */
export function tokenProblem(token: string): string | undefined {
  if (token.length < 16) return 'expected at least 16 characters';
  if (!/^[\x21-\x7e]+$/.test(token))
    return 'expected visible ASCII characters only (no spaces, tabs, newlines or accents): it is sent in an HTTP header';
  return undefined;
}

/** The token a request presents: `Authorization: Bearer T`, or `?token=T` (EventSource and downloads cannot set headers). */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  return bearerToken(req.headers.authorization) ?? url.searchParams.get('token') ?? undefined;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * DNS-rebinding guard for a token-less loopback server: a page on evil.example that resolves to
 * 127.0.0.1 still sends `Host: evil.example`, which we refuse.
 */
export function hostHeaderIsLoopback(req: IncomingMessage): boolean {
  const host = req.headers.host;
  if (host === undefined) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host);
  return m !== null && isLoopbackHost(m[1]!);
}
