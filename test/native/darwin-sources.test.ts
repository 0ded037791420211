// The macOS sources cannot run here, so the places where they must agree with the rest of the
// project are checked as text: every darwin file is built by binding.gyp on macOS, check:darwin
// skips exactly the files that need IOKit when it has no SDK, and the native fan key list is the
// one the TypeScript decoder expects, and the IOReport subscription keeps exactly the Energy Model
// channels railName() turns into rails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { railName } from '../../src/core/darwin/normalize-parts';
import { fanKeys } from '../../src/shared/darwin/smc-fans';
import { HAVE_DARWIN_FIXTURES, fixtureFiles, fixtureText } from '../shared/darwin/fixtures';

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

  it('the IOReport subscription keeps exactly the Energy Model channels railName() names', () => {
    const source = readFileSync(join(darwinDir, 'ioreport.cc'), 'utf8');
    const table = /constexpr RailRule kRailRules\[\] = \{([\s\S]*?)\};/.exec(source)?.[1] ?? '';
    const rules = [...table.matchAll(/\{Match::k(Exact|Prefix|Suffix), "([^"]+)"\}/g)].map((m) => ({
      match: m[1],
      text: m[2] ?? '',
    }));
    expect(rules.length).toBeGreaterThan(0);
    const native = (name: string): boolean =>
      rules.some(({ match, text }) =>
        match === 'Exact' ? name === text : match === 'Prefix' ? name.startsWith(text) : name.endsWith(text),
      );
    // Real channel names from the macmon debug captures (vladkens/macmon#17, #68; test data), plus
    // the CPU channel names of the other layouts: "CPU Energy" on base and Max chips,
    // "DIE_{n}_CPU Energy" on Ultra (vladkens/macmon src_lib/metrics.rs).
    const names = new Set(['CPU Energy', 'DIE_0_CPU Energy', 'DIE_1_CPU Energy', 'GPU Energy']);
    if (HAVE_DARWIN_FIXTURES) {
      for (const file of fixtureFiles('ioreport')) {
        const text = fixtureText(`ioreport/${file}`);
        for (const m of text.matchAll(/^Energy Model :: [^:]*:: (.+?) \((?:mJ|uJ|nJ)\)/gm)) names.add(m[1] ?? '');
      }
      expect(names.size).toBeGreaterThan(40);
    }
    for (const name of names) expect(native(name), name).toBe(railName(name) !== undefined);
  });

  it('an IOReport subscription without its channel dictionary is released and tried again', () => {
    const source = readFileSync(join(darwinDir, 'ioreport.cc'), 'utf8');
    // Ensure() succeeds only with a kept subscription, and the failure branch drops both halves.
    expect(source).toMatch(/bool IoReport::Ensure\(std::string\* error\) \{\s*if \(subscription_\) return true;/);
    expect(source).toMatch(/if \(!subscription_ \|\| !subscribed_\) \{[^}]*ReleaseSubscription\(\);/);
    expect(source).toMatch(/subscribed_ = nullptr;\s*subscription_ = nullptr;/);
  });

  it('comments name the page size the code reads (host_page_size, right under Rosetta)', () => {
    expect(read('native/src/darwin/memory.cc')).toContain('host_page_size(host, &page_size)');
    const files = [
      ...readdirSync(join(root, 'src/shared/darwin')).map((f) => `src/shared/darwin/${f}`),
      ...readdirSync(join(root, 'src/core/darwin')).map((f) => `src/core/darwin/${f}`),
      ...darwinSources.map((f) => `native/src/darwin/${f}`),
    ];
    for (const file of files) {
      const text = read(file);
      // vm_page_size may only appear as the contrast (the user-space value under Rosetta).
      for (const m of text.matchAll(/[^\n]*vm_page_size[^\n]*/g))
        expect(/Rosetta|user-space/.test(m[0]), `${file}: ${m[0].trim()}`).toBe(true);
    }
    expect(read('src/core/darwin/native-types.ts')).toMatch(/host_page_size/);
  });
});
