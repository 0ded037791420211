/**
 * Reading the built renderer (dist/renderer) safely, shared by the Electron app:// protocol
 * (src/main/windows/app-protocol.ts) and `nmetrics serve --ui` (src/cli/serve/static-files.ts), so that both
 * apply one path policy, one content-type table and one Content-Security-Policy.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * The pages' policy: scripts, connections and everything else from our own origin only, no eval;
 * inline styles stay allowed because the chart library (recharts) sets style attributes.
 */
export const RENDERER_CONTENT_SECURITY_POLICY = [
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

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function rendererContentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type RendererFile =
  | { readonly ok: true; readonly file: string; readonly body: Buffer; readonly contentType: string }
  /** bad-path: undecodable, NUL, backslash or `..`; outside: leaves root (symlinks included); missing: no such file. */
  | { readonly ok: false; readonly problem: 'bad-path' | 'outside' | 'missing' };

/**
 * Maps a URL path ("/", "/assets/index-x.js", still percent-encoded) to a file under root and reads
 * it. Decoding can bring back dot segments that URL parsing had resolved, so `..` is rejected after
 * decoding, and a symlink inside root must not lead outside it either.
 */
export async function readRendererFile(root: string, urlPath: string): Promise<RendererFile> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, problem: 'bad-path' };
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((seg) => seg === '..')) {
    return { ok: false, problem: 'bad-path' };
  }
  const rel = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, rel);
  if (!full.startsWith(base + sep)) return { ok: false, problem: 'outside' };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(base), realpath(full)]);
    if (!realFile.startsWith(realRoot + sep)) return { ok: false, problem: 'outside' };
    if (!(await stat(realFile)).isFile()) return { ok: false, problem: 'missing' };
    return {
      ok: true,
      file: realFile,
      body: await readFile(realFile),
      contentType: rendererContentType(realFile),
    };
  } catch {
    return { ok: false, problem: 'missing' };
  }
}
