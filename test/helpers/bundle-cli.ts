/**
 * The `nmetrics` CLI bundled from the current source into one ESM file, for suites that run the real
 * command as its own process (test/attack, e2e). Packages that must load from node_modules stay
 * external, as in scripts/build.mjs. The bundle is written beside `outfile` and renamed into place,
 * so a parallel run never starts a half-written file.
 */
import { renameSync } from 'node:fs';
import { build } from 'esbuild';
import { CLI_EXTERNALS } from '../../scripts/cli-externals.mjs';

export async function bundleCli(root: string, outfile: string): Promise<void> {
  const part = `${outfile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await build({
    absWorkingDir: root,
    stdin: {
      contents:
        "import { main } from './src/cli/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: CLI_EXTERNALS,
    outfile: part,
    logLevel: 'warning',
  });
  renameSync(part, outfile);
}

/**
 * A test's own child-process script (`entry`, TypeScript) bundled into one ESM file at `outfile`,
 * so the child runs the current source with plain `node`.
 */
export async function bundleScript(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
}
