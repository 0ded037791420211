/** Serves the built renderer (dist/renderer) for `nmetrics serve --ui`, with a strict CSP. */
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readRendererFile, RENDERER_CONTENT_SECURITY_POLICY } from '../../core/service';
import { HttpError, send } from './http-util';

export async function serveStatic(res: ServerResponse, rootDir: string, pathname: string): Promise<void> {
  const found = await readRendererFile(rootDir, pathname);
  // Every refusal looks the same from outside: no hint of what exists beyond the UI folder.
  if (!found.ok) throw new HttpError(404, 'not found');
  send(res, 200, found.contentType, found.body, {
    'content-security-policy': RENDERER_CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': found.file.endsWith('/index.html') ? 'no-store' : 'max-age=3600',
  });
}

/** dist/renderer next to dist/cli.js, or under the package root when run from source. */
export function defaultUiDir(packageRoot: string): string {
  return join(packageRoot, 'dist', 'renderer');
}
