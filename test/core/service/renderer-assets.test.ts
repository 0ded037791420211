import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readRendererFile,
  RENDERER_CONTENT_SECURITY_POLICY,
} from '../../../src/core/service/renderer-assets';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-assets-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'a b.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRendererFile', () => {
  it('reads index.html for the root and files with their content type', async () => {
    const index = await readRendererFile(root, '/');
    expect(index.ok && index.contentType).toBe('text/html; charset=utf-8');
    const js = await readRendererFile(root, '/assets/a%20b.js');
    expect(js.ok && js.body.toString()).toBe('export {};');
    expect(js.ok && js.contentType).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['/..%2fsecret.txt', 'bad-path'],
    ['/assets/%2E%2E%2F..%2Fsecret.txt', 'bad-path'],
    ['/..%5csecret.txt', 'bad-path'],
    ['/index.html%00.js', 'bad-path'],
    ['/%E0%A4%A', 'bad-path'],
    ['/link.txt', 'outside'],
    ['/missing.js', 'missing'],
    ['/assets', 'missing'],
  ])('refuses %s as %s', async (path, problem) => {
    expect(await readRendererFile(root, path)).toEqual({ ok: false, problem });
  });

  it('keeps the policy free of eval and remote origins', () => {
    expect(RENDERER_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(RENDERER_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });
});
