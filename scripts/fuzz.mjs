#!/usr/bin/env node
// `npm run fuzz [-- --seconds N] [-- name-filter]`: builds every native/test/fuzz_*.cc with
// clang++ -fsanitize=fuzzer,address,undefined and runs each for N seconds (default 20), seeded
// with our fixture files (and node_exporter's when ../shared/fixtures is present). A crash, leak
// or UBSan report fails the run and leaves the reproducer in build/fuzz/<target>/.
// CI runs a short pass: `npm run fuzz -- --seconds 5`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const secondsAt = args.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(args[secondsAt + 1]) : 20;
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('fuzz: --seconds expects a positive number');
  process.exit(2);
}
const filter = args.filter((a, i) => !a.startsWith('--') && (secondsAt < 0 || i !== secondsAt + 1))[0] ?? '';

const clang = ['clang++-14', 'clang++'].find((c) => spawnSync(c, ['--version']).status === 0);
if (!clang) {
  console.error('fuzz: clang++ (14 or later, with libclang-rt-dev) is required');
  process.exit(2);
}

// The parsers and what they need; no file in this list does I/O except fs.cc and in_root.cc (hwmon
// names).
const SOURCES = [
  'native/src/utf8.cc',
  'native/src/raw.cc',
  ...[
    'text',
    'cpu_parse',
    'memory_parse',
    'host_parse',
    'disks_parse',
    'network_parse',
    'processes_parse',
    'drm_fdinfo_parse',
    'hwmon',
    'fs',
    'in_root',
  ].map((f) => `native/src/linux/${f}.cc`),
];
const FLAGS = ['-std=c++17', '-g', '-O1', '-fno-omit-frame-pointer', '-fno-sanitize-recover=undefined'];

const fixtures = resolve(root, 'test/fixtures/linux');
const shared = resolve(root, '../shared/fixtures/linux/node-exporter/proc');
// Seed files per target: real inputs make the fuzzer start from the interesting shapes.
const SEEDS = {
  proc_stat: ['laptop/proc/stat', 'broken/proc/stat', `${shared}/stat`],
  loadavg: ['laptop/proc/loadavg', `${shared}/loadavg`],
  cpuinfo: ['laptop/proc/cpuinfo', `${shared}/cpuinfo`],
  cpu_list: ['laptop/sys/devices/cpu_core/cpus', 'laptop/sys/devices/cpu_atom/cpus'],
  meminfo: ['laptop/proc/meminfo', 'broken/proc/meminfo', `${shared}/meminfo`],
  psi: [`${shared}/pressure/memory`, `${shared}/pressure/cpu`],
  os_release: ['laptop/etc/os-release', 'broken/etc/os-release', 'laptop/proc/uptime'],
  mountinfo: ['/proc/self/mountinfo'],
  diskstats: ['laptop/proc/diskstats', 'broken/proc/diskstats', `${shared}/diskstats`],
  net_dev: ['laptop/proc/net/dev', '/proc/net/dev'],
  pid_stat: [
    'laptop/proc/1/stat',
    'laptop/proc/100/stat',
    'laptop/proc/101/stat',
    'laptop/proc/103/stat',
    '/proc/self/stat',
  ],
  pid_io: ['laptop/proc/101/io'],
  drm_fdinfo: [
    'gpu-clients/proc/300/fdinfo/5',
    'gpu-clients/proc/301/fdinfo/4',
    'gpu-clients/proc/302/fdinfo/9',
  ],
  passwd: ['laptop/etc/passwd'],
  utf8: ['laptop/sys/class/power_supply/BAT0/model_name', 'laptop/proc/102/stat'],
  hwmon_names: [],
  // Paths through the laptop tree's relative symlinks (sys/class/* -> ../../devices/...), and escapes.
  in_root: [
    { text: 'sys/class/hwmon/hwmon0/temp1_input' },
    { text: 'sys/class/power_supply/BAT0/../AC/online' },
    { text: '/proc/../../../etc/passwd' },
    { text: 'sys/class/net/wlan0/../../../../../..' },
  ],
};

const out = join(root, 'build', 'fuzz');
const objDir = join(out, 'obj');
mkdirSync(objDir, { recursive: true });

function run(cmd, cmdArgs, options = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...options });
  return r.status === 0;
}

// An object is stale when its source or any header changed (struct layouts live in headers).
const newestHeaderMs = ['native/src', 'native/src/linux']
  .flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('.h'))
      .map((f) => statSync(join(root, d, f)).mtimeMs),
  )
  .reduce((a, b) => Math.max(a, b), 0);

// Shared objects once (fuzzer-no-link), then one link per target.
const objects = [];
for (const src of SOURCES) {
  const obj = join(objDir, basename(src).replace(/\.cc$/, '.o'));
  const stale =
    !existsSync(obj) || statSync(obj).mtimeMs < Math.max(newestHeaderMs, statSync(join(root, src)).mtimeMs);
  if (stale && !run(clang, [...FLAGS, '-fsanitize=fuzzer-no-link,address,undefined', '-c', src, '-o', obj])) {
    console.error(`fuzz: compiling ${src} failed`);
    process.exit(1);
  }
  objects.push(obj);
}

const targets = readdirSync(join(root, 'native', 'test'))
  .filter((f) => /^fuzz_.*\.cc$/.test(f) && f.includes(filter))
  .map((f) => f.slice('fuzz_'.length, -'.cc'.length))
  .sort();
const results = {};
let failed = 0;
for (const name of targets) {
  const dir = join(out, name);
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus, { recursive: true });
  for (const [i, seed] of (SEEDS[name] ?? []).entries()) {
    if (typeof seed === 'object') {
      writeFileSync(join(corpus, `seed-text-${i}`), seed.text);
      continue;
    }
    const path = seed.startsWith('/') ? seed : join(fixtures, seed);
    if (existsSync(path))
      copyFileSync(path, join(corpus, `seed-${basename(dirname(path))}-${basename(path)}`));
  }
  const binary = join(dir, `fuzz_${name}`);
  const built = run(clang, [
    ...FLAGS,
    '-fsanitize=fuzzer,address,undefined',
    `native/test/fuzz_${name}.cc`,
    ...objects,
    '-o',
    binary,
  ]);
  if (!built) {
    results[name] = 'build failed';
    failed++;
    continue;
  }
  // libFuzzer's progress goes to build/fuzz/<target>/fuzz.log; its tail is shown on failure.
  const r = spawnSync(
    binary,
    [
      `-max_total_time=${seconds}`,
      '-max_len=65536',
      '-rss_limit_mb=1024',
      `-artifact_prefix=${dir}/`,
      corpus,
    ],
    {
      cwd: root,
      env: { ...process.env, UBSAN_OPTIONS: 'halt_on_error=1:print_stacktrace=1' },
      encoding: 'utf8',
    },
  );
  writeFileSync(join(dir, 'fuzz.log'), `${r.stdout ?? ''}${r.stderr ?? ''}`);
  const ok = r.status === 0;
  const runs =
    /stat::number_of_executed_units:\s*(\d+)/.exec(r.stderr ?? '')?.[1] ??
    /#(\d+)\s+DONE/.exec(r.stderr ?? '')?.[1];
  results[name] = ok ? `ok (${runs ?? '?'} runs)` : 'FAILED';
  if (!ok) {
    failed++;
    console.error(`fuzz: ${name} failed; last lines of ${join(dir, 'fuzz.log')}:`);
    console.error((r.stderr ?? '').split('\n').slice(-60).join('\n'));
  }
}
console.log(JSON.stringify({ seconds, targets: results }, null, 2));
process.exit(failed ? 1 : 0);
