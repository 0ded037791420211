// Proves that the layer matrix of DESIGN.md §1 is enforced by lint: each forbidden import below
// must produce a no-restricted-imports error, and each allowed one must not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: [file: string, source: string][] = [
  ['src/renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ['src/renderer/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n"],
  ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
  ['src/renderer/x.ts', "import { loadAddon } from '../core/addon';\nexport const a = loadAddon;\n"],
  ['src/shared/x.ts', "import { loadAddon } from '../core/addon';\nexport const a = loadAddon;\n"],
  ['src/shared/x.ts', "import { join } from 'node:path';\nexport const a = join;\n"],
  ['src/shared/x.ts', "import { create } from 'zustand';\nexport const a = create;\n"],
  ['src/shared/x.ts', "import * as v from 'valibot-env';\nexport const a = v;\n"],
  ['src/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['src/core/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
  ['src/core/x.ts', "import { main } from '../cli/main';\nexport const a = main;\n"],
  ['src/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['src/main/x.ts', "import { run } from '../cli/run';\nexport const a = run;\n"],
  ['src/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ['src/preload/x.ts', "import { loadAddon } from '../core/addon';\nexport const a = loadAddon;\n"],
];

const allowed: [file: string, source: string][] = [
  ['src/shared/x.ts', "import { ok } from './metric-result';\nexport const a = ok;\n"],
  ['src/shared/x.ts', "import * as v from 'valibot';\nexport const a = v.string();\n"],
  [
    'src/core/x.ts',
    "import { readFileSync } from 'node:fs';\nimport { ok } from '../shared/metric-result';\nexport const a = [readFileSync, ok];\n",
  ],
  ['src/cli/x.ts', "import { loadAddon } from '../core/addon';\nexport const a = loadAddon;\n"],
  [
    'src/main/x.ts',
    "import { app } from 'electron';\nimport { loadAddon } from '../core/addon';\nexport const a = [app, loadAddon];\n",
  ],
  ['src/preload/x.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n"],
  [
    'src/renderer/x.ts',
    "import { create } from 'zustand';\nimport { ok } from '../shared/metric-result';\nexport const a = [create, ok];\n",
  ],
];

describe('layer import matrix', () => {
  it.each(forbidden)('%s rejects %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });
  it.each(allowed)('%s accepts %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
