import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultExportName, exportToFile } from '../../../src/main/export/file-export';
import type { FileExportDeps } from '../../../src/main/export/file-export';
import type { HistoryResult } from '../../../src/shared/history-types';
import type { ExportOptions } from '../../../src/shared/ipc';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options: ExportOptions = { range: '1h', series: ['cpu.busy'], format: 'csv' };
const result: HistoryResult = {
  range: '1h',
  fromMs: 0,
  toMs: 3000,
  series: [{ id: 'cpu.busy', t: [1000, 2000, 3000], avg: [1, 2, 3], min: [1, 2, 3], max: [1, 2, 3] }],
};
/** A stand-in exporter: one line per row, one chunk per line (the real one is core/export). */
function* lines(r: HistoryResult): Generator<string> {
  yield 'time,cpu.busy\n';
  const s = r.series[0]!;
  for (let i = 0; i < s.t.length; i++) yield `${s.t[i]},${s.avg[i]}\n`;
}

function deps(path: string | undefined, over: Partial<FileExportDeps> = {}): FileExportDeps {
  return {
    chooseFile: async () => path,
    query: () => result,
    chunks: lines,
    now: () => new Date(2026, 2, 1, 14, 5),
    ...over,
  };
}

describe('exportToFile', () => {
  it('writes the whole file and reports rows, bytes and progress up to 1', async () => {
    const target = join(dir, 'out.csv');
    const progress: number[] = [];
    const r = await exportToFile(options, deps(target, { onProgress: (f) => progress.push(f) }));
    const text = 'time,cpu.busy\n1000,1\n2000,2\n3000,3\n';
    expect(r).toEqual({ saved: true, path: target, rows: 3, bytes: text.length });
    expect(readFileSync(target, 'utf8')).toBe(text);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1, 1]);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('does nothing when the dialog is cancelled', async () => {
    let queried = false;
    const r = await exportToFile(options, deps(undefined, { query: () => ((queried = true), result) }));
    expect(r).toEqual({ saved: false, rows: 0, bytes: 0 });
    expect(queried).toBe(false);
  });

  it('leaves an existing file untouched and no partial file when the exporter fails midway', async () => {
    const target = join(dir, 'keep.csv');
    writeFileSync(target, 'old');
    function* broken(): Generator<string> {
      yield 'time,cpu.busy\n';
      throw new Error('disk on fire');
    }
    await expect(exportToFile(options, deps(target, { chunks: broken }))).rejects.toThrow('disk on fire');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['keep.csv']);
  });

  it('fails cleanly when the folder cannot be written', async () => {
    const target = join(dir, 'missing', 'out.csv');
    await expect(exportToFile(options, deps(target))).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('names the default file by range, time and format', () => {
    expect(defaultExportName({ ...options, format: 'jsonl' }, new Date(2026, 2, 1, 14, 5))).toBe(
      'darwinmetrics-1h-2026-03-01-1405.jsonl',
    );
  });
});
