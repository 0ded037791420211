#!/usr/bin/env node
// `npm run test:asan`: builds the addon with AddressSanitizer + UBSan (clang, build/asan/, the
// normal build/Release is untouched) and runs the native tests against it, with the ASan runtime
// preloaded into Node. Any ASan or UBSan report aborts the run. LeakSanitizer is off here because
// Node itself keeps allocations alive at exit; leaks are checked by `npm run test:leak`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.platform !== 'linux') {
  console.error('test:asan: Linux only (the darwin backend is checked by npm run check:darwin)');
  process.exit(2);
}
const clang = ['clang++-14', 'clang++'].find((c) => spawnSync(c, ['--version']).status === 0);
if (!clang) {
  console.error('test:asan: clang++ with libclang-rt-dev is required');
  process.exit(2);
}
const runtime = spawnSync(clang, ['-print-file-name=libclang_rt.asan-x86_64.so'], {
  encoding: 'utf8',
}).stdout.trim();
if (!existsSync(runtime)) {
  console.error(`test:asan: the ASan runtime was not found (${runtime}); install libclang-rt-14-dev`);
  process.exit(2);
}

const nodeInclude = join(dirname(process.execPath), '..', 'include', 'node');
const napiInclude = join(root, 'node_modules', 'node-addon-api');
const flags = [
  '-std=c++17',
  '-g',
  '-O1',
  '-fPIC',
  '-fno-omit-frame-pointer',
  '-fsanitize=address,undefined',
  '-fno-sanitize-recover=undefined',
  '-shared-libasan',
  '-DNAPI_VERSION=8',
  '-DNODE_ADDON_API_DISABLE_DEPRECATED',
  '-DNAPI_CPP_EXCEPTIONS',
  `-I${nodeInclude}`,
  `-I${napiInclude}`,
];
const sources = [
  ...readdirSync(join(root, 'native/src'))
    .filter((f) => f.endsWith('.cc'))
    .map((f) => `native/src/${f}`),
  ...readdirSync(join(root, 'native/src/linux'))
    .filter((f) => f.endsWith('.cc'))
    .map((f) => `native/src/linux/${f}`),
];
const out = join(root, 'build', 'asan');
mkdirSync(join(out, 'obj'), { recursive: true });

// An object is stale when its source or any header changed (struct layouts live in headers).
const newestHeaderMs = ['native/src', 'native/src/linux']
  .flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('.h'))
      .map((f) => statSync(join(root, d, f)).mtimeMs),
  )
  .reduce((a, b) => Math.max(a, b), 0);

function compile(src) {
  const obj = join(out, 'obj', src.replaceAll('/', '_').replace(/\.cc$/, '.o'));
  if (existsSync(obj) && statSync(obj).mtimeMs > Math.max(newestHeaderMs, statSync(join(root, src)).mtimeMs))
    return Promise.resolve(obj);
  return new Promise((done, fail) => {
    const p = spawn(clang, [...flags, '-c', src, '-o', obj], { cwd: root, stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? done(obj) : fail(new Error(`compiling ${src} failed`))));
  });
}

// Two compilers at a time: the machine is shared.
const objects = [];
for (let i = 0; i < sources.length; i += 2)
  objects.push(...(await Promise.all(sources.slice(i, i + 2).map(compile))));
const addon = join(out, 'darwinmetrics.node');
const link = spawnSync(clang, [...flags, '-shared', ...objects, '-ldl', '-o', addon], {
  cwd: root,
  stdio: 'inherit',
});
if (link.status !== 0) process.exit(1);

const tests = process.argv.slice(2).length ? process.argv.slice(2) : ['test/native'];
const r = spawnSync('npx', ['vitest', 'run', ...tests], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DARWINMETRICS_ADDON: addon,
    LD_PRELOAD: runtime,
    ASAN_OPTIONS: 'detect_leaks=0:halt_on_error=1:abort_on_error=1',
    UBSAN_OPTIONS: 'halt_on_error=1:print_stacktrace=1',
  },
});
process.exit(r.status ?? 1);
