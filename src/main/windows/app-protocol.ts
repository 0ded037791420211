/**
 * The app:// protocol: our pages load from app://darwinmetrics/…, served only from dist/renderer.
 * A custom standard scheme gives the pages a real origin (so the CSP's 'self' means our files and
 * nothing else) without a file:// origin that could read any file (Electron security checklist,
 * "Use a custom protocol instead of file://").
 */
import type { CustomScheme } from 'electron';
import { readRendererFile, RENDERER_CONTENT_SECURITY_POLICY } from '../../core/service';

export const APP_SCHEME = 'app';
export const APP_HOST = 'darwinmetrics';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before app 'ready': standard + secure so the origin behaves like https. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The pages' Content-Security-Policy (one policy for the app and `nmetrics serve --ui`), also sent as a header. */
export const CONTENT_SECURITY_POLICY = RENDERER_CONTENT_SECURITY_POLICY;

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

/** The request fields we read (Electron hands protocol.handle a GlobalRequest). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Serves one request from root: 200 with the file, 403 outside root or not our origin, 404 missing, 405 not GET. */
export async function serveAppRequest(root: string, request: AppRequest): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers });
  }
  if (!isAppUrl(request.url)) return new Response('forbidden', { status: 403, headers });
  // WHATWG URL parsing already resolved literal dot segments; readRendererFile rejects decoded ones.
  const found = await readRendererFile(root, new URL(request.url).pathname);
  if (!found.ok) {
    const missing = found.problem === 'missing';
    return new Response(missing ? 'not found' : 'forbidden', { status: missing ? 404 : 403, headers });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), {
    status: 200,
    headers: { ...headers, 'Content-Type': found.contentType },
  });
}

/** Serves app:// from root (call after app 'ready'; the scheme is registered privileged before it). */
export function setupAppProtocol(
  protocol: { handle(scheme: string, handler: (request: AppRequest) => Promise<Response>): void },
  root: string,
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}
