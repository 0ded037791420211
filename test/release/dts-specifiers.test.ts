// The declaration post-pass: relative specifiers gain the .js (or /index.js) a nodenext consumer needs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addJsExtensions } from '../../scripts/dts-specifiers.mjs';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('addJsExtensions', () => {
  it('points each relative specifier at the file or folder index it declares', () => {
    dir = mkdtempSync(join(tmpdir(), 'dm-dts-'));
    mkdirSync(join(dir, 'core', 'export'), { recursive: true });
    writeFileSync(join(dir, 'core', 'sampler.d.ts'), 'export declare const a: 1;\n');
    writeFileSync(join(dir, 'core', 'export', 'index.d.ts'), 'export declare const b: 2;\n');
    writeFileSync(
      join(dir, 'core', 'index.d.ts'),
      [
        "export * from './sampler';",
        "export { b } from './export';",
        "export type T = import('./sampler').A;",
        "import type { X } from 'valibot';",
        "export * from './already.js';",
        '',
      ].join('\n'),
    );
    expect(addJsExtensions(dir)).toBe(3);
    expect(readFileSync(join(dir, 'core', 'index.d.ts'), 'utf8')).toBe(
      [
        "export * from './sampler.js';",
        "export { b } from './export/index.js';",
        "export type T = import('./sampler.js').A;",
        "import type { X } from 'valibot';",
        "export * from './already.js';",
        '',
      ].join('\n'),
    );
  });

  it('refuses a specifier it cannot resolve instead of shipping a broken declaration', () => {
    dir = mkdtempSync(join(tmpdir(), 'dm-dts-'));
    writeFileSync(join(dir, 'index.d.ts'), "export * from './missing';\n");
    expect(() => addJsExtensions(dir)).toThrow(/cannot resolve "\.\/missing"/);
  });
});
