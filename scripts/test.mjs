#!/usr/bin/env node
// `npm test`: everything that can run on this machine, in order: unit and addon tests (Vitest),
// then the renderer in Chromium (Playwright). Stops at the first failing stage.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stages = [
  ['vitest', ['vitest', 'run']],
  ['playwright', ['playwright', 'test']],
];
for (const [name, args] of stages) {
  console.log(`\n== npm test: ${name} ==`);
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm test: stage "${name}" failed (status ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}
