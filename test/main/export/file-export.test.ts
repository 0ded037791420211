import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyPiecesExport, pieceProgress } from '../../../src/core/export/history-export';
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
const piece = (t: number[]): HistoryResult => ({
  range: '1h',
  fromMs: 0,
  toMs: 3000,
  series: [{ id: 'cpu.busy', t, avg: t.map((x) => x / 1000), min: t, max: t }],
});
/** The range in two pieces, as a history on disk hands it over (one per segment). */
const pieces = [piece([1000, 2000]), piece([3000])];

function deps(path: string | undefined, over: Partial<FileExportDeps> = {}): FileExportDeps {
  return {
    chooseFile: async () => path,
    query: () => pieces,
    chunks: historyPiecesExport,
    progressOf: pieceProgress,
    now: () => new Date(2026, 2, 1, 14, 5),
    ...over,
  };
}

describe('exportToFile', () => {
  it('writes the whole file and reports rows, bytes and progress up to 1', async () => {
    const target = join(dir, 'out.csv');
    const progress: number[] = [];
    const r = await exportToFile(options, deps(target, { onProgress: (f) => progress.push(f) }));
    const text = readFileSync(target, 'utf8');
    expect(text.split('\r\n')).toEqual([
      'time,epoch_ms,cpu.busy',
      '1970-01-01T00:00:01.000Z,1000,1',
      '1970-01-01T00:00:02.000Z,2000,2',
      '1970-01-01T00:00:03.000Z,3000,3',
      '',
    ]);
    expect(r).toEqual({ saved: true, path: target, rows: 3, bytes: text.length });
    expect(progress).toEqual([2 / 3, 1, 1]);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('does nothing when the dialog is cancelled', async () => {
    let queried = false;
    const r = await exportToFile(options, deps(undefined, { query: () => ((queried = true), pieces) }));
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
