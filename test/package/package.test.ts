// The npm package as a user gets it (issue 12): packed, installed with no compiler on PATH, the
// `nmetrics` command run from the install, and a TypeScript program compiled against the installed
// types and run. Heavy (a native build, a pack and an install), so it runs as `npm run test:package`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackedPackage } from './packed-package';
import { packAndInstall, prebuildFiles, repoRoot, runInProject } from './packed-package';

/** Exports the main entry must not have (src/core/index.ts says why). */
const INTERNALS = [
  'findPackageRoot',
  'addonCandidates',
  'INVOKE_CHANNELS',
  'PUSH_CHANNELS',
  'WEB_API',
  'isInvokeChannel',
];

let pkg: PackedPackage;
beforeAll(() => {
  pkg = packAndInstall();
}, 600_000);
afterAll(() => pkg?.cleanup());

describe('the npm package', () => {
  it('prebuildify produced an N-API prebuild for this platform', () => {
    // prebuildify --napi --tag-libc: <name>.<libc>.node, no ABI tag (one build serves every Node).
    expect(prebuildFiles()).toEqual([
      process.platform === 'linux' ? 'darwinmetrics.glibc.node' : 'darwinmetrics.node',
    ]);
  });

  it('ships exactly the bundles, types, renderer, prebuilds and addon sources', () => {
    const tops = new Set(pkg.files.map((f) => f.split('/').slice(0, 2).join('/')));
    expect([...tops].sort()).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'bin/nmetrics.js',
        'binding.gyp',
        'dist/cli.js',
        'dist/index.js',
        'dist/renderer',
        'dist/types',
        'native/src',
        'package.json',
        // The gRPC service loads its .proto at run time (src/cli/serve/grpc).
        'proto/darwinmetrics',
        `prebuilds/${process.platform}-${process.arch}`,
        ...pkg.files.filter((f) => /^dist\/chunk-[\w-]+\.js$/.test(f)),
      ].sort(),
    );
    expect(pkg.files.filter((f) => /\.map$|^test\/|^e2e\/|^src\/|fixtures|^native\/test/.test(f))).toEqual(
      [],
    );
  });

  it('installed without a compiler: there is none on the PATH, and no source build happened', () => {
    for (const tool of ['cc', 'gcc', 'c++', 'g++', 'make', 'python3']) {
      expect(runInProject(pkg, 'sh', ['-c', `command -v ${tool}`]).status, tool).not.toBe(0);
    }
    const installed = join(pkg.project, 'node_modules', 'darwinmetrics');
    expect(() => readFileSync(join(installed, 'build', 'Release', 'darwinmetrics.node'))).toThrow();
  });

  it('runs `nmetrics snapshot` from the install', () => {
    const r = runInProject(pkg, join('node_modules', '.bin', 'nmetrics'), [
      'snapshot',
      '--json',
      '--sections',
      'cpu,memory',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sample = JSON.parse(r.stdout) as { cpu?: unknown; memory?: unknown };
    expect(sample).toHaveProperty('cpu');
    expect(sample).toHaveProperty('memory');
  });

  it('type-checks a consumer against the installed types (nodenext), and runs it', () => {
    writeFileSync(
      join(pkg.project, 'consumer.ts'),
      [
        "import { createSampler, SECTIONS, type RawSnapshot } from 'darwinmetrics';",
        '// Internals and the app’s IPC contract are not part of the public API:',
        ...INTERNALS.flatMap((name) => [
          '// @ts-expect-error',
          `import type { ${name} } from 'darwinmetrics';`,
        ]),
        'const sampler = createSampler();',
        "const snapshot: RawSnapshot = await sampler.sample(['cpu']);",
        'await sampler.close();',
        "const lib: Record<string, unknown> = await import('darwinmetrics');",
        `const leaked = ${JSON.stringify(INTERNALS)}.filter((name) => name in lib);`,
        "console.log(JSON.stringify({ sections: SECTIONS.length, cpu: 'cpu' in snapshot, leaked }));",
        '',
      ].join('\n'),
    );
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        outDir: 'out',
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(repoRoot, 'node_modules', '@types')],
      },
      files: ['consumer.ts'],
    };
    writeFileSync(join(pkg.project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = runInProject(pkg, 'node', [
      join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      '.',
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    const run = runInProject(pkg, 'node', [join('out', 'consumer.js')]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ sections: expect.any(Number), cpu: true, leaked: [] });
  });
});
