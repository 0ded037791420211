/**
 * The renderer as it was at another commit, built with Vite into e2e-artifacts/baseline/<sha>/dist
 * (ignored), so a benchmark can measure today's views side by side with the previous ones in the
 * same run. The ref is $BASELINE_REF, else the merge base with main (this branch's starting point).
 */
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();

export function baselineRef(): string {
  const given = process.env['BASELINE_REF'];
  return git('rev-parse', '--verify', given ?? git('merge-base', 'HEAD', 'main'));
}

/** Builds (once per commit) and returns the folder holding that commit's index.html. */
export async function baselineRendererDist(sha: string): Promise<string> {
  // Inside the repo, so the sources resolve node_modules as the current ones do.
  const root = join(process.cwd(), 'e2e-artifacts', 'baseline', sha);
  const dist = join(root, 'dist');
  if (existsSync(join(dist, 'index.html'))) return dist;
  mkdirSync(root, { recursive: true });
  const archive = execFileSync('git', ['archive', sha, 'src/renderer', 'src/shared']);
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  await build({
    configFile: false,
    root: join(root, 'src', 'renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true },
  });
  return dist;
}
