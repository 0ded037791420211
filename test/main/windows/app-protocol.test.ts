import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, serveAppRequest } from '../../../src/main/windows/app-protocol';

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

describe('serveAppRequest paths', () => {
  const status = async (url: string) => (await serveAppRequest(root, { url, method: 'GET' })).status;
  it('maps app://darwinmetrics paths under the root', async () => {
    expect(await status('app://darwinmetrics/index.html?view=popover')).toBe(200);
    expect(await status('app://darwinmetrics/')).toBe(200);
    // The URL parser resolves literal dot segments before we see them, staying inside the root.
    expect(await status('app://darwinmetrics/../../assets/app.js')).toBe(200);
    expect(await status('app://darwinmetrics/%2e%2e/index.html')).toBe(200);
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
  ])('refuses %s with 403', async (url) => {
    expect(await status(url)).toBe(403);
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
