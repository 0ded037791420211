#!/usr/bin/env node
// `npm run icons`: renders the tray template icons, the app icon (.icns, PNG, Linux hicolor set) and
// the DMG background from the SVG sources in assets/icons. Commit the outputs with their sources;
// test/release/icons.test.ts fails when they drift apart.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIcons } from './icons/render.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const path of renderIcons(root)) console.log(`icons: wrote ${path}`);
