/** Serves the built renderer (dist/renderer) for `nmetrics serve --ui`, with a strict CSP. */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { HttpError, send } from './http-util';

/**
 * The same policy the Electron app sends (src/main/app-protocol.ts): scripts, connections and
 * everything else from our own origin only; inline styles stay allowed because the chart library
 * sets style attributes.
 */
export const UI_CONTENT_SECURITY_POLICY = [
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

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export async function serveStatic(res: ServerResponse, rootDir: string, pathname: string): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'bad path encoding');
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'bad path');
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = await realpath(rootDir);
  const file = resolve(root, rel);
  if (file !== root && !file.startsWith(root + sep)) throw new HttpError(404, 'not found');
  let real: string;
  try {
    real = await realpath(file);
    if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) throw new Error('not a file');
  } catch {
    throw new HttpError(404, 'not found');
  }
  const body = await readFile(real);
  send(res, 200, TYPES[extname(real)] ?? 'application/octet-stream', body, {
    'content-security-policy': UI_CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
  });
}

/** dist/renderer next to dist/cli.js, or under the package root when run from source. */
export function defaultUiDir(packageRoot: string): string {
  return join(packageRoot, 'dist', 'renderer');
}
