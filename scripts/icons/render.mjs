// Every icon the app and its installers use, rendered from the SVG sources in assets/icons with
// resvg. One table says which file comes from which source at which size; `npm run icons` writes
// them into the repo and test/release/icons.test.ts renders them again to prove the committed files
// are the sources' output.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ICNS_TYPES, writeIcns } from './icns.mjs';

/**
 * Linux hicolor sizes: the Icon Theme Specification's required 48×48 plus the sizes desktop
 * environments ask for (https://specifications.freedesktop.org/icon-theme-spec/latest/); electron-builder
 * installs a folder of NxN.png files into /usr/share/icons/hicolor/NxN/apps.
 */
export const HICOLOR_SIZES = Object.freeze([16, 24, 32, 48, 64, 128, 256, 512]);

/** Tray template sizes: 16 pt for the menu bar, with its @2x Retina rendition (issue 12). */
export const TRAY_SIZES = Object.freeze({ 'assets/trayTemplate.png': 16, 'assets/trayTemplate@2x.png': 32 });

/** The DMG window's background is 540×380 points; the @2x file is its Retina rendition. */
const DMG = Object.freeze({ width: 540, height: 380 });

/** Every PNG output: path relative to the repo root, SVG source, pixel width. */
export const PNG_OUTPUTS = Object.freeze([
  ...Object.entries(TRAY_SIZES).map(([path, width]) => ({ path, source: 'tray.svg', width })),
  { path: 'assets/app/icon.png', source: 'app.svg', width: 1024 },
  ...HICOLOR_SIZES.map((n) => ({ path: `assets/app/icons/${n}x${n}.png`, source: 'app.svg', width: n })),
  { path: 'assets/app/dmg-background.png', source: 'dmg-background.svg', width: DMG.width },
  { path: 'assets/app/dmg-background@2x.png', source: 'dmg-background.svg', width: DMG.width * 2 },
]);

export const ICNS_OUTPUT = 'assets/app/icon.icns';

function render(root, source, width) {
  const svg = readFileSync(join(root, 'assets', 'icons', source), 'utf8');
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng());
}

/** Renders every output under `outRoot` (the repo root, or a temp folder in tests). */
export function renderIcons(root, outRoot = root) {
  const write = (path, data) => {
    mkdirSync(dirname(join(outRoot, path)), { recursive: true });
    writeFileSync(join(outRoot, path), data);
  };
  for (const { path, source, width } of PNG_OUTPUTS) write(path, render(root, source, width));
  const icns = Object.entries(ICNS_TYPES).map(([type, size]) => ({
    type,
    png: render(root, 'app.svg', size),
  }));
  write(ICNS_OUTPUT, writeIcns(icns));
  return [...PNG_OUTPUTS.map((o) => o.path), ICNS_OUTPUT];
}
