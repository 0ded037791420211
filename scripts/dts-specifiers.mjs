// Our sources import relative modules without extensions (tsconfig "moduleResolution": "Bundler").
// Declarations emitted from them keep those specifiers, which a consumer compiling with
// "moduleResolution": "node16"/"nodenext" cannot resolve inside an ESM package (TypeScript handbook,
// "Modules - Reference", relative imports need extensions in ESM). This rewrites every relative
// specifier in the emitted .d.ts files to the .js file the declaration describes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

function resolveSpecifier(fromFile, spec) {
  if (/\.(js|mjs|cjs|json)$/.test(spec)) return spec;
  const base = join(dirname(fromFile), spec);
  if (existsSync(`${base}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${spec}/index.js`;
  throw new Error(`dts-specifiers: ${fromFile}: cannot resolve "${spec}"`);
}

/** Rewrites the .d.ts files under `dir` in place; returns how many specifiers changed. */
export function addJsExtensions(dir) {
  let changed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const next = text.replace(SPECIFIER, (_m, head, quote, spec) => {
      const resolved = resolveSpecifier(file, spec);
      if (resolved !== spec) changed++;
      return `${head}${quote}${resolved}${quote}`;
    });
    if (next !== text) writeFileSync(file, next);
  }
  return changed;
}
