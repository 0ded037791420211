/**
 * Helpers for bench/sample.bench.ts: CPU clocks that include child processes, medians, generated
 * process trees, the read floor, and clang builds of the addon in its two process layouts.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** USER_HZ, the unit of cutime/cstime in /proc/self/stat: 100 on every Linux ABI (proc(5), times(2)). */
const USER_HZ = 100;

/** CPU time of this process (all threads, µs) plus its waited-for children (cutime + cstime). */
export function cpuUs(): { self: number; children: number } {
  const u = process.cpuUsage();
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  const children = ((Number(fields[13]) + Number(fields[14])) * 1e6) / USER_HZ;
  return { self: u.user + u.system, children };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface Timing {
  readonly runs: number;
  readonly cpuUs: number;
  readonly wallUs: number;
  readonly childCpuUs?: number;
}

/** Median CPU (self + children) and wall time of `fn` over `runs` calls, after `warmup` calls. */
export async function measure(fn: () => unknown, runs: number, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  const child: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuUs();
    const w0 = performance.now();
    await fn();
    const w1 = performance.now();
    const c1 = cpuUs();
    cpu.push(c1.self - c0.self + (c1.children - c0.children));
    child.push(c1.children - c0.children);
    wall.push((w1 - w0) * 1000);
  }
  const childMedian = median(child);
  return {
    runs,
    cpuUs: median(cpu),
    wallUs: median(wall),
    ...(childMedian > 0 ? { childCpuUs: childMedian } : {}),
  };
}

const STAT_TAIL = '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0';

/** A root with proc/stat and `count` pid folders (stat + io), like a machine running that many processes. */
export function generateProcessTree(count: number): string {
  const root = mkdtempSync(join(tmpdir(), `dm-bench-${count}-`));
  mkdirSync(join(root, 'proc'));
  writeFileSync(
    join(root, 'proc', 'stat'),
    'cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nbtime 1700000000\n',
  );
  for (let pid = 1; pid <= count; pid++) {
    const dir = join(root, 'proc', String(pid));
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'stat'),
      `${pid} (worker-${pid}) S ${pid > 1 ? 1 : 0} ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${pid % 500} 50 0 0 20 0 3 0 ${pid * 7} 170000000 2500 ${STAT_TAIL}\n`,
    );
    writeFileSync(
      join(dir, 'io'),
      `rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: ${pid * 4096}\nwrite_bytes: 0\ncancelled_write_bytes: 0\n`,
    );
  }
  return root;
}

function tryRead(path: string): void {
  try {
    readFileSync(path);
  } catch {
    // the floor reads what exists, as the sampler does
  }
}

function listOrEmpty(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Just reading the files a full sample reads (no parsing, no conversion): the floor. */
export function readFloor(root: string, withSystem = true): void {
  const p = (rel: string) => join(root, rel);
  if (withSystem) {
    for (const f of ['proc/stat', 'proc/loadavg', 'proc/meminfo', 'proc/pressure/memory', 'proc/uptime'])
      tryRead(p(f));
    for (const f of [
      'proc/sys/kernel/hostname',
      'proc/sys/kernel/osrelease',
      'etc/os-release',
      'proc/diskstats',
    ])
      tryRead(p(f));
    for (const f of ['proc/self/mountinfo', 'proc/net/dev', 'sys/class/dmi/id/product_name']) tryRead(p(f));
    for (const cpu of listOrEmpty(p('sys/devices/system/cpu')).filter((n) => /^cpu\d+$/.test(n))) {
      tryRead(p(`sys/devices/system/cpu/${cpu}/cpufreq/scaling_cur_freq`));
    }
    for (const n of listOrEmpty(p('sys/class/net'))) {
      for (const f of ['operstate', 'address', 'mtu', 'speed', 'type', 'flags'])
        tryRead(p(`sys/class/net/${n}/${f}`));
    }
    for (const cls of ['power_supply', 'hwmon', 'thermal', 'powercap', 'drm']) {
      for (const e of listOrEmpty(p(`sys/class/${cls}`))) {
        for (const f of listOrEmpty(p(`sys/class/${cls}/${e}`))) {
          const path = p(`sys/class/${cls}/${e}/${f}`);
          if (statSync(path, { throwIfNoEntry: false })?.isFile()) tryRead(path);
        }
      }
    }
  }
  for (const pid of listOrEmpty(p('proc')).filter((n) => /^\d+$/.test(n))) {
    tryRead(p(`proc/${pid}/stat`));
    tryRead(p(`proc/${pid}/io`));
    statSync(p(`proc/${pid}`), { throwIfNoEntry: false });
    try {
      readlinkSync(p(`proc/${pid}/exe`));
    } catch {
      // kernel threads and other users' processes have no readable exe
    }
  }
}

/** The newest modification time of native/src/**.h. */
export function newestHeaderMs(projectRoot: string): number {
  return ['native/src', 'native/src/linux']
    .flatMap((d) =>
      readdirSync(join(projectRoot, d))
        .filter((f) => f.endsWith('.h'))
        .map((f) => statSync(join(projectRoot, d, f)).mtimeMs),
    )
    .reduce((a, b) => Math.max(a, b), 0);
}

/**
 * Builds the addon with clang -O3 into build/bench-<name>/ (cached by source mtime), so both process
 * layouts are compared from the same compiler and flags. Returns the .node path.
 */
export async function buildVariant(
  projectRoot: string,
  name: string,
  defines: readonly string[],
): Promise<string> {
  const clang = ['clang++-14', 'clang++'].find((c) => spawnSync(c, ['--version']).status === 0);
  if (!clang) throw new Error('bench: clang++ is required to build the layout variants');
  const out = join(projectRoot, 'build', `bench-${name}`);
  mkdirSync(join(out, 'obj'), { recursive: true });
  const flags = [
    '-std=c++17',
    '-O3',
    '-fPIC',
    '-fvisibility=hidden',
    '-DNAPI_VERSION=8',
    '-DNODE_ADDON_API_DISABLE_DEPRECATED',
    '-DNAPI_CPP_EXCEPTIONS',
    ...defines.map((d) => `-D${d}`),
    `-I${join(dirname(process.execPath), '..', 'include', 'node')}`,
    `-I${join(projectRoot, 'node_modules', 'node-addon-api')}`,
  ];
  const sources = ['native/src', 'native/src/linux'].flatMap((d) =>
    readdirSync(join(projectRoot, d))
      .filter((f) => f.endsWith('.cc'))
      .map((f) => `${d}/${f}`),
  );
  // An object is stale when its source or any header changed (struct layouts live in headers).
  const headers = newestHeaderMs(projectRoot);
  const objects: string[] = [];
  for (const src of sources) {
    const obj = join(out, 'obj', src.replaceAll('/', '_').replace(/\.cc$/, '.o'));
    objects.push(obj);
    if (
      existsSync(obj) &&
      statSync(obj).mtimeMs > Math.max(headers, statSync(join(projectRoot, src)).mtimeMs)
    )
      continue;
    await new Promise<void>((done, fail) => {
      const c = spawn(clang, [...flags, '-c', src, '-o', obj], {
        cwd: projectRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      c.on('exit', (code) => (code === 0 ? done() : fail(new Error(`bench: compiling ${src} failed`))));
    });
  }
  const addon = join(out, 'darwinmetrics.node');
  const link = spawnSync(clang, [...flags, '-shared', ...objects, '-ldl', '-o', addon], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (link.status !== 0) throw new Error('bench: linking failed');
  return addon;
}

/** Builds bench/read-floor.cc (the C++ read floor) and runs it: median CPU µs of one pass. */
export function nativeFloor(
  projectRoot: string,
  root: string,
  mode: 'full' | 'processes',
  runs: number,
): number {
  const clang = ['clang++-14', 'clang++'].find((c) => spawnSync(c, ['--version']).status === 0);
  if (!clang) throw new Error('bench: clang++ is required for the native read floor');
  const out = join(projectRoot, 'build', 'bench-floor');
  mkdirSync(out, { recursive: true });
  const binary = join(out, 'read-floor');
  const src = join(projectRoot, 'bench', 'read-floor.cc');
  if (!existsSync(binary) || statSync(binary).mtimeMs < statSync(src).mtimeMs) {
    const b = spawnSync(clang, ['-std=c++17', '-O2', src, '-o', binary], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('bench: building read-floor failed');
  }
  const r = spawnSync(binary, [root, mode, String(runs)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: read-floor failed (${r.status})`);
  return (JSON.parse(r.stdout) as { cpuUs: number }).cpuUs;
}
