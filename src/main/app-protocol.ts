/**
 * The app:// protocol: our pages load from app://darwinmetrics/…, served only from dist/renderer.
 * A custom standard scheme gives the pages a real origin (so the CSP's 'self' means our files and
 * nothing else) without a file:// origin that could read any file (Electron security checklist,
 * "Use a custom protocol instead of file://").
 */
import { realpath, readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'darwinmetrics';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before app 'ready': standard + secure so the origin behaves like https. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * The pages' Content-Security-Policy, also sent as a header so it holds even for a page without the
 * meta tag. Inline styles stay allowed because the chart library sets style attributes; scripts,
 * connections and everything else are limited to our own origin, with no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for a URL of one of our own pages (the IPC sender check and navigation guard use it). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The URL of the renderer page for one view (the renderer routes on the hash, src/renderer/lib/route.ts). */
export function appPageUrl(view: 'popover' | 'dashboard' | 'settings'): string {
  return `${APP_ORIGIN}/index.html#/${view}`;
}

/**
 * Maps a request URL to a file under root, or null when it is not ours or tries to leave root
 * (../, encoded %2e%2e or %2f, backslashes, NUL). Only lexical; serveAppRequest also checks symlinks.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  // WHATWG URL parsing already resolved literal dot segments; decoding can bring new ones back.
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').some((seg) => seg === '..')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const full = resolve(base, `.${path}`);
  return full.startsWith(base + sep) ? full : null;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The request fields we read (Electron hands protocol.handle a GlobalRequest). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Serves one request from root: 200 with the file, 403 outside root, 404 missing, 405 not GET. */
export async function serveAppRequest(root: string, request: AppRequest): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers });
  }
  const path = resolveAppPath(root, request.url);
  if (path === null) return new Response('forbidden', { status: 403, headers });
  let body: Buffer;
  try {
    // A symlink inside dist/renderer must not lead outside it either.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    if (!realFile.startsWith(realRoot + sep)) return new Response('forbidden', { status: 403, headers });
    body = await readFile(realFile);
  } catch {
    return new Response('not found', { status: 404, headers });
  }
  const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'Content-Type': type },
  });
}

/** Serves app:// from root (call after app 'ready'; the scheme is registered privileged before it). */
export function setupAppProtocol(
  protocol: { handle(scheme: string, handler: (request: AppRequest) => Promise<Response>): void },
  root: string,
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}
