// Proves that the folder rules of scripts/eslint-plugin-folders.mjs bite: a file outside a src/core or
// src/main folder must enter it through its index.ts, and an import that closes a cycle is rejected.
// The cycle cases lint a snippet as if it were a real file, so the rest of the chain is the real code.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleErrors(rule: string, filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const deep: [file: string, source: string][] = [
  ['src/cli/x.ts', "import { saveHistory } from '../core/history/file';\nexport const a = saveHistory;\n"],
  ['src/core/alerts/x.ts', "import { seriesOf } from '../history/series';\nexport const a = seriesOf;\n"],
  ['src/main/x.ts', "import { setupSettings } from './settings/setup';\nexport const a = setupSettings;\n"],
  ['src/main/tray/x.ts', "export { createSettingsStore } from '../settings/store';\n"],
];
const throughIndex: [file: string, source: string][] = [
  ['src/cli/x.ts', "import { saveHistory } from '../core/history';\nexport const a = saveHistory;\n"],
  ['src/core/history/x.ts', "import { saveHistory } from './file';\nexport const a = saveHistory;\n"],
  ['src/main/x.ts', "import { setupSettings } from './settings';\nexport const a = setupSettings;\n"],
  ['src/shared/x.ts', "import { ok } from './metric-result';\nexport const a = ok;\n"],
];

describe('folders/no-deep-import', () => {
  it.each(deep)('%s rejects %s', async (file, source) => {
    expect(await ruleErrors('folders/no-deep-import', file, source)).toEqual([
      expect.stringContaining('through its index.ts'),
    ]);
  });
  it.each(throughIndex)('%s accepts %s', async (file, source) => {
    expect(await ruleErrors('folders/no-deep-import', file, source)).toEqual([]);
  });
});

describe('folders/no-cycle', () => {
  it('rejects an import that leads back to the importing file', async () => {
    // history.ts imports query.ts, so query.ts importing history.ts closes a cycle.
    const errors = await ruleErrors(
      'folders/no-cycle',
      'src/core/history/query.ts',
      "import { createHistory } from './history';\nexport const a = createHistory;\n",
    );
    expect(errors).toEqual([expect.stringMatching(/query\.ts → core\/history\/history\.ts → .*query\.ts/)]);
  });
  it('rejects a cycle that runs through another folder’s index.ts', async () => {
    // derive.ts is reached from the poller; the derive folder importing the poller closes the loop.
    const errors = await ruleErrors(
      'folders/no-cycle',
      'src/core/derive/rate.ts',
      "import { createPoller } from '../poller';\nexport const a = createPoller;\n",
    );
    expect(errors).toHaveLength(1);
  });
  it('accepts imports that form no cycle', async () => {
    const errors = await ruleErrors(
      'folders/no-cycle',
      'src/core/history/x.ts',
      "import { createHistory } from './history';\nexport const a = createHistory;\n",
    );
    expect(errors).toEqual([]);
  });
});
