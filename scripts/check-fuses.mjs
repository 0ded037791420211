#!/usr/bin/env node
// Reads the fuse wire of a packaged app (the .app bundle on macOS, the executable on Linux) and
// checks every fuse against electronFuses in electron-builder.yml, the one place they are declared.
// The release workflow runs it on what electron-builder produced. Usage: node scripts/check-fuses.mjs <app>
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** After its sentinel, a fuse is the ASCII byte '1' (on) or '0' (off) (https://www.electronjs.org/docs/latest/tutorial/fuses). */
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);
const shown = (state) => (state === ON ? 'on' : state === OFF ? 'off' : `byte ${state}`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = process.argv[2];
if (!app) {
  console.error('check-fuses: give the path of the packaged app (DarwinMetrics.app or the Linux executable)');
  process.exit(2);
}

const { getConfig } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config');
const { electronFuses } = await getConfig(root, null, null);
const wire = await getCurrentFuseWire(app);
let wrong = 0;
for (const [key, on] of Object.entries(electronFuses)) {
  if (key === 'resetAdHocDarwinSignature') continue; // a packaging step, not a fuse
  // electron-builder's option names are @electron/fuses' FuseV1Options names with a lower-case initial.
  const name = key[0].toUpperCase() + key.slice(1);
  const option = FuseV1Options[name];
  if (option === undefined) throw new Error(`check-fuses: ${key} is not a fuse this @electron/fuses knows`);
  const state = wire[option];
  const ok = state === (on ? ON : OFF);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${shown(state)} (want ${on ? 'on' : 'off'})`);
  if (!ok) wrong++;
}
process.exit(wrong ? 1 : 0);
