// The macOS sources cannot run here, so the places where they must agree with the rest of the
// project are checked as text: every darwin file is built by binding.gyp on macOS, check:darwin
// skips exactly the files that need IOKit when it has no SDK, and the native fan key list is the
// one the TypeScript decoder expects.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fanKeys } from '../../src/shared/darwin/smc-fans';

const root = process.cwd();
const darwinDir = join(root, 'native/src/darwin');
const darwinSources = readdirSync(darwinDir).filter((f) => f.endsWith('.cc')).sort();
const read = (p: string) => readFileSync(join(root, p), 'utf8');

/** True when the file needs IOKit/CoreFoundation headers, following local includes. */
function includesIoKit(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  // Includes guarded by DARWINMETRICS_HAVE_IOKIT are compiled only with an SDK.
  const text = readFileSync(join(darwinDir, file), 'utf8').replace(/#if DARWINMETRICS_HAVE_IOKIT[\s\S]*?#endif/g, '');
  if (/#include <(IOKit|CoreFoundation)\//.test(text)) return true;
  return [...text.matchAll(/#include "([\w.]+)"/g)].some((m) => includesIoKit(m[1] ?? '', seen));
}

describe('macOS sources agree with the build and the decoders', () => {
  it('binding.gyp builds every native/src/darwin/*.cc on macOS', () => {
    const gyp = read('binding.gyp');
    const mac = gyp.slice(gyp.indexOf("\"OS=='mac'\""));
    for (const f of darwinSources) expect(mac, f).toContain(`"native/src/darwin/${f}"`);
  });

  it('check:darwin lists as IOKit files exactly those that include IOKit or CoreFoundation', () => {
    const script = read('scripts/check-darwin.mjs');
    const block = /const IOKIT_FILES = new Set\(\[([^\]]*)\]\)/.exec(script)?.[1] ?? '';
    const listed = [...block.matchAll(/'([\w.]+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual(darwinSources.filter((f) => includesIoKit(f)));
  });

  it('the backend reads the fan keys smcFans() decodes', () => {
    const backend = readFileSync(join(darwinDir, 'backend_darwin.cc'), 'utf8');
    const suffixes = /for \(const char\* suffix : \{([^}]*)\}\)/.exec(backend)?.[1] ?? '';
    const native = [...suffixes.matchAll(/"(\w+)"/g)].map((m) => `F0${m[1]}`);
    expect(native).toEqual(fanKeys(1));
  });
});
