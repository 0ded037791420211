/**
 * Who may talk to `nmetrics serve`: the checks every route shares (HTTP requests, the WebSocket
 * upgrade), in one place so that a new transport cannot drift from the others.
 *
 * - Without a token the server is on loopback, and a browser page elsewhere must not reach it:
 *   the Host header must name a loopback address (DNS rebinding) and an Origin header, when there is
 *   one, must be this server's own (a page on another site may open a WebSocket to 127.0.0.1, which
 *   no CORS rule stops: https://datatracker.ietf.org/doc/html/rfc6455#section-10.2).
 * - With a token every API route needs it; the token itself proves the caller's intent.
 */
import type { IncomingMessage } from 'node:http';
import { hostHeaderIsLoopback, HttpError, presentedToken, tokensEqual } from './http-util';

/** The request target as a path on a fixed origin; `new URL('//x', base)` would read "//x" as a host. */
export function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  try {
    if (!target.startsWith('/')) throw new TypeError('not a path');
    return new URL(`http://localhost${target}`);
  } catch {
    throw new HttpError(400, 'bad request target');
  }
}

/** Whether the Origin header is absent or names the host the request was sent to. */
function originIsOwn(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/** Refuses (403) a request a token-less server must not answer: a foreign Host or Origin. */
export function checkCaller(req: IncomingMessage, token: string | undefined): void {
  if (token !== undefined) return;
  if (!hostHeaderIsLoopback(req)) throw new HttpError(403, 'Host header must name a loopback address');
  if (!originIsOwn(req)) throw new HttpError(403, 'Origin must be this server');
}

/**
 * Whether the request proved the token (header or ?token=); refuses (401) when the server has one
 * and the request did not present it.
 */
export function authorize(req: IncomingMessage, url: URL, token: string | undefined): boolean {
  const given = presentedToken(req, url);
  const authorized = token !== undefined && given !== undefined && tokensEqual(given, token);
  if (token !== undefined && !authorized)
    throw new HttpError(401, 'missing or wrong token', { 'www-authenticate': 'Bearer' });
  return authorized;
}
