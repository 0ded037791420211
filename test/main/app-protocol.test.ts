import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveAppPath,
  serveAppRequest,
} from '../../src/main/app-protocol';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-proto-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://darwinmetrics paths under the root', () => {
    expect(resolveAppPath('/r', 'app://darwinmetrics/index.html?view=popover')).toBe('/r/index.html');
    expect(resolveAppPath('/r', 'app://darwinmetrics/')).toBe('/r/index.html');
    expect(resolveAppPath('/r', 'app://darwinmetrics/assets/a%20b.js')).toBe('/r/assets/a b.js');
    // The URL parser resolves literal dot segments before we see them, staying inside the root.
    expect(resolveAppPath('/r', 'app://darwinmetrics/../../etc/passwd')).toBe('/r/etc/passwd');
    expect(resolveAppPath('/r', 'app://darwinmetrics/%2e%2e/secret.txt')).toBe('/r/secret.txt');
  });

  it.each([
    'app://darwinmetrics/assets/%2E%2E%2F..%2Fsecret.txt',
    'app://darwinmetrics/..%2fsecret.txt',
    'app://darwinmetrics/..%5csecret.txt',
    'app://darwinmetrics/index.html%00.js',
    'app://darwinmetrics/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://darwinmetrics/index.html',
    'not a url',
  ])('rejects %s', (url) => {
    expect(resolveAppPath('/r', url)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('serves a file with its type and the CSP header', async () => {
    const res = await serveAppRequest(root, { url: 'app://darwinmetrics/assets/app.js', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('export {};');
  });
  it('answers 403 for traversal, 404 for missing files and directories, 405 for POST', async () => {
    const get = (url: string) => serveAppRequest(root, { url, method: 'GET' });
    expect((await get('app://darwinmetrics/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://darwinmetrics/link.txt')).status).toBe(403);
    expect((await get('app://darwinmetrics/missing.js')).status).toBe(404);
    expect((await get('app://darwinmetrics/assets')).status).toBe(404);
    expect(
      (await serveAppRequest(root, { url: 'app://darwinmetrics/index.html', method: 'POST' })).status,
    ).toBe(405);
  });
  it('keeps the CSP free of eval and remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('isAppUrl', () => {
  it('accepts only our origin', () => {
    expect(isAppUrl('app://darwinmetrics/index.html?view=dashboard')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///tmp/index.html')).toBe(false);
    expect(isAppUrl('https://darwinmetrics.org/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
