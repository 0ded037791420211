#!/usr/bin/env node
// `npm start`: builds what is missing, then launches the Electron app. Where Electron's binary
// cannot be had (no network to fetch it, unsupported platform), prints one clear message instead of
// a stack trace, and points at what works without Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mainEntry = join(root, 'dist', 'electron', 'main.mjs');

if (!existsSync(mainEntry) || !existsSync(join(root, 'build', 'Release', 'darwinmetrics.node'))) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Resolving the 'electron' package downloads its binary on first use (Electron ≥ 45). Do it in a
// child so that a failure is caught here and explained in one message.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  timeout: 10 * 60 * 1000,
});
const electronPath = probe.status === 0 ? probe.stdout.trim() : '';
if (!electronPath || !existsSync(electronPath)) {
  const reason =
    (probe.stderr || '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /^(TypeError|Error|RequestError)\b/.test(l)) ??
    (probe.error ? String(probe.error) : 'unknown error');
  console.error(
    [
      `darwinmetrics: the Electron binary is not available on this machine (${reason}).`,
      'Electron downloads its binary on first run, and that download failed here.',
      'Everything else works without Electron:',
      '  npx nmetrics snapshot        one sample as a table',
      '  npx nmetrics watch           live terminal view',
      '  npx nmetrics serve --ui      web dashboard at http://127.0.0.1:9101/',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(electronPath, [mainEntry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
