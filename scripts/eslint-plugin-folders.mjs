// Two lint rules that keep src/core and src/main readable as folders (STYLE.md §10, DESIGN.md §1):
//  - folders/no-deep-import: code outside src/<layer>/<folder>/ imports that folder through its
//    index.ts, its public face, never a file inside it.
//  - folders/no-cycle: no chain of relative imports leads from a file back to itself.
// test/lint/folders.test.ts proves that both rules reject what they should.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Layers whose first-level subfolders are modules with an index.ts. */
const FOLDER_LAYERS = new Set(['core', 'main']);
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];
const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file a relative specifier names, as TypeScript's bundler resolution finds it. */
export function resolveRelative(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  if (isFile(base)) return base;
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return base + ext;
  return null;
}

/** For a file under src/<layer>/<folder>/…, that folder (absolute); otherwise null. */
function moduleFolderOf(file, srcRoot) {
  const parts = relative(srcRoot, file).split(sep);
  if (parts.length < 3 || !FOLDER_LAYERS.has(parts[0])) return null;
  return join(srcRoot, parts[0], parts[1]);
}

function srcRootOf(file) {
  const parts = file.split(sep);
  const i = parts.lastIndexOf('src');
  return i < 0 ? null : parts.slice(0, i + 1).join(sep);
}

const noDeepImport = {
  meta: {
    type: 'problem',
    messages: {
      deep: "Import '{{folder}}' through its index.ts, not '{{specifier}}': files inside a folder are its private parts.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcRoot = srcRootOf(file);
    if (!srcRoot) return {};
    const own = moduleFolderOf(file, srcRoot);
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolveRelative(file, specifier);
      if (!target) return;
      const folder = moduleFolderOf(target, srcRoot);
      if (!folder || folder === own) return;
      if (target === join(folder, 'index.ts') || target === join(folder, 'index.tsx')) return;
      context.report({
        node: node.source,
        messageId: 'deep',
        data: { specifier, folder: relative(srcRoot, folder) },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** Relative imports of a file, resolved; cached for the whole lint run. */
const edgesCache = new Map();
function edgesOf(file) {
  let edges = edgesCache.get(file);
  if (edges) return edges;
  edges = [];
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  for (const m of text.matchAll(IMPORT_RE)) {
    const target = resolveRelative(file, m[1] ?? m[2]);
    if (target) edges.push(target);
  }
  edgesCache.set(file, edges);
  return edges;
}

/** A path of imports from `start` back to `goal`, or null (iterative DFS, each file visited once). */
export function findCycle(start, goal) {
  const seen = new Set([start]);
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, path] = stack.pop();
    for (const next of edgesOf(file)) {
      if (next === goal) return [...path, next];
      if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, [...path, next]]);
      }
    }
  }
  return null;
}

const noCycle = {
  meta: {
    type: 'problem',
    messages: { cycle: 'Import cycle: {{chain}}. Move what both sides need into a third file.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcRoot = srcRootOf(file);
    if (!srcRoot) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolveRelative(file, specifier);
      if (!target) return;
      const cycle = target === file ? [file, file] : findCycle(target, file);
      if (!cycle) return;
      const chain = [file, ...cycle].map((f) => relative(srcRoot, f)).join(' → ');
      context.report({ node: node.source, messageId: 'cycle', data: { chain } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const foldersPlugin = { rules: { 'no-deep-import': noDeepImport, 'no-cycle': noCycle } };
