// Proves that raw IPC (ipcMain, ipcRenderer, webContents.send) is rejected by lint everywhere except
// the two typed wrappers, src/main/ipc/ipc.ts and src/preload/ipc.ts (STYLE.md, GitHub Desktop).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

async function ipcErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && RULES.has(m.ruleId) && /typed wrappers/.test(m.message))
    .map((m) => m.message);
}

const forbidden: [file: string, source: string][] = [
  ['src/main/tray/tray.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
  ['src/main/tray/tray.ts', "import { ipcMain as m } from 'electron';\nexport const a = m;\n"],
  ['src/main/tray/tray.ts', "import * as electron from 'electron';\nexport const a = electron.ipcMain;\n"],
  [
    'src/main/tray/tray.ts',
    "export async function f() {\n  const { ipcMain } = await import('electron');\n  return ipcMain;\n}\n",
  ],
  [
    'src/main/tray/tray.ts',
    "import type { BrowserWindow } from 'electron';\nexport function f(w: BrowserWindow) {\n  w.webContents.send('metrics:sample', 1);\n}\n",
  ],
  [
    'src/main/tray/tray.ts',
    "import type { WebContents } from 'electron';\nexport function f(webContents: WebContents) {\n  webContents.send('x', 1);\n}\n",
  ],
  [
    'src/main/tray/tray.ts',
    "import type { BrowserWindow } from 'electron';\nexport function f(w?: BrowserWindow) {\n  w?.webContents.sendToFrame(1, 'x');\n}\n",
  ],
  ['src/main/main.ts', "import { app, ipcMain } from 'electron';\nexport const a = [app, ipcMain];\n"],
  ['src/preload/preload.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
  ['src/preload/api.ts', "import electron from 'electron';\nexport const a = electron.ipcRenderer;\n"],
  ['test/main/x.test.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
  ['bench/tray.bench.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
];

const allowed: [file: string, source: string][] = [
  ['src/main/ipc/ipc.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
  [
    'src/main/ipc/ipc.ts',
    "import type { WebContents } from 'electron';\nexport function f(contents: WebContents, webContents: WebContents) {\n  contents.send('x', 1);\n  webContents.send('x', 1);\n}\n",
  ],
  ['src/preload/ipc.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
  ['src/main/tray/tray.ts', "import { app, Tray } from 'electron';\nexport const a = [app, Tray];\n"],
  ['src/main/tray/tray.ts', "import { sendPush } from './ipc';\nexport const a = sendPush;\n"],
  // A socket or a port called "send" is not IPC.
  [
    'src/main/tray/tray.ts',
    "export function f(socket: { send(x: string): void }) {\n  socket.send('x');\n}\n",
  ],
];

describe('raw IPC outside the typed wrappers', () => {
  it.each(forbidden)('%s rejects %s', async (file, source) => {
    expect(await ipcErrors(file, source)).not.toEqual([]);
  });
  it.each(allowed)('%s accepts %s', async (file, source) => {
    expect(await ipcErrors(file, source)).toEqual([]);
  });
  it('keeps the layer rules in the wrappers themselves', async () => {
    const [result] = await eslint.lintText(
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      {
        filePath: 'src/preload/ipc.ts',
      },
    );
    expect(result?.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
  });
});
