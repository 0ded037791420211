// ESLint flat config. The layer matrix of DESIGN.md §1 is enforced here with no-restricted-imports;
// test/lint/layers.test.ts proves that each forbidden import fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { foldersPlugin } from './scripts/eslint-plugin-folders.mjs';

const layers = ['shared', 'core', 'cli', 'main', 'preload', 'renderer'];
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bareBuiltins = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map(escapeRe)
  .join('|');

/** A relative import that reaches into another layer's folder. */
const layerPattern = (layer) => ({
  regex: `^\\.{1,2}/(?:\\.\\./)*${layer}(?:/|$)`,
  message: `This layer may not import from src/${layer} (see DESIGN.md §1).`,
});
const nodeBuiltins = {
  regex: `^(?:node:.*|(?:${bareBuiltins})(?:/.*)?)$`,
  message: 'Node built-ins are not available in this layer (see DESIGN.md §1).',
};
// valibot is the one package shared may use: the payload and settings schemas live in shared so that
// main's IPC, serve's routes and the renderer's settings form check the same rules (DESIGN.md §2).
const anyPackage = {
  regex: '^(?!\\.)(?!node:)(?!valibot(?:/|$))',
  message: 'src/shared imports nothing outside src/shared but valibot (see DESIGN.md §1).',
};
const pkg = (names, why) => ({ regex: `^(?:${names.map(escapeRe).join('|')})(?:/.*)?$`, message: why });
const electron = pkg(['electron'], 'Only src/main and src/preload may import electron (see DESIGN.md §1).');
const uiLibs = pkg(
  ['react', 'react-dom', 'recharts', 'zustand', '@tanstack/react-virtual'],
  'UI libraries belong to src/renderer only (see DESIGN.md §1).',
);

/** Layer → patterns it must not import. */
const forbidden = {
  shared: [...layers.filter((l) => l !== 'shared').map(layerPattern), nodeBuiltins, anyPackage],
  core: [...['cli', 'main', 'preload', 'renderer'].map(layerPattern), electron, uiLibs],
  cli: [...['main', 'preload', 'renderer'].map(layerPattern), electron, uiLibs],
  main: [...['cli', 'preload', 'renderer'].map(layerPattern), uiLibs],
  preload: [...['core', 'cli', 'main', 'renderer'].map(layerPattern), nodeBuiltins, uiLibs],
  renderer: [...['core', 'cli', 'main', 'preload'].map(layerPattern), nodeBuiltins, electron],
};

// Raw IPC lives only in the two typed wrappers (STYLE.md, GitHub Desktop); test/lint/ipc.test.ts proves it.
const ipcWrappers = ['src/main/ipc/ipc.ts', 'src/preload/ipc.ts'];
const ipcWhy =
  'Use the typed wrappers in src/main/ipc/ipc.ts and src/preload/ipc.ts (src/shared/ipc.ts is the contract).';
const ipcPaths = [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: ipcWhy }];
const rawIpcSyntax = [
  'error',
  { selector: 'MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]', message: ipcWhy },
  { selector: 'ObjectPattern > Property[key.name=/^(ipcMain|ipcRenderer)$/]', message: ipcWhy },
  {
    selector:
      "CallExpression[callee.property.name=/^(send|sendToFrame)$/][callee.object.property.name='webContents']",
    message: ipcWhy,
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(send|sendToFrame)$/][callee.object.name=/webContents$/i]',
    message: ipcWhy,
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'e2e-artifacts/**',
      'native/**',
      // Generated from proto/ by scripts/gen-proto-types.mjs; a test keeps it current.
      'src/cli/serve/grpc/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true } }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Folders are modules: enter one through its index.ts, and no import chain comes back on itself.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { folders: foldersPlugin },
    rules: { 'folders/no-deep-import': 'error', 'folders/no-cycle': 'error' },
  },
  ...layers.map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx,js,mjs}`],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden[layer], paths: ipcPaths }] },
  })),
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['src/**', ...ipcWrappers],
    rules: { 'no-restricted-imports': ['error', { paths: ipcPaths }] },
  },
  { ignores: ipcWrappers, rules: { 'no-restricted-syntax': rawIpcSyntax } },
  ...ipcWrappers.map((file) => ({
    files: [file],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden[file.split('/')[1]] }] },
  })),
  {
    // Config files, scripts and tests use default exports where their tools demand them.
    files: ['*.config.{ts,js,mjs}', 'scripts/**', 'e2e/**', 'test/**', 'bench/**'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
