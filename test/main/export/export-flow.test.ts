// The export as the app runs it, end to end in Node: real history, the engine's real exporter, a
// fake save dialog, and the file read back by a real CSV parser (csv-parse).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistory } from '../../../src/core/history/history';
import { seriesOf } from '../../../src/core/history/series';
import type { Notice } from '../../../src/main/engine/alert-notifier';
import { createExportFlow } from '../../../src/main/export/export-flow';
import type { ExportFlowDeps } from '../../../src/main/export/export-flow';
import { laptopSample } from '../helpers/sample';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-flow-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function setup(target: string | undefined) {
  const history = createHistory({ days: 1, seriesOf: (s) => seriesOf(s), now: () => T0 + 10_000 });
  for (let i = 0; i < 5; i++) history.push(laptopSample(T0 + i * 2000));
  const notices: Notice[] = [];
  const errors: string[] = [];
  const progress: (number | undefined)[] = [];
  const dialogs: string[] = [];
  const deps: ExportFlowDeps = {
    showSaveDialog: async (o) => {
      dialogs.push(String(o.defaultPath));
      return target === undefined ? { canceled: true } : { canceled: false, filePath: target };
    },
    history: () => history,
    downloadsDir: dir,
    notify: (n) => notices.push(n),
    showError: (title, message) => errors.push(`${title}: ${message}`),
    onProgress: (f) => progress.push(f),
  };
  return { run: createExportFlow(deps), notices, errors, progress, dialogs };
}

describe('export flow', () => {
  it('writes a CSV that a CSV parser reads back, then notifies', async () => {
    const target = join(dir, 'out.csv');
    const f = setup(target);
    const result = await f.run({
      range: '5m',
      series: ['cpu.busy', 'power.battery.BAT0.percent'],
      format: 'csv',
    });
    expect(result).toMatchObject({ saved: true, path: target, rows: 5 });
    const rows = parse(readFileSync(target, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).toEqual(['time', 'epoch_ms', 'cpu.busy', 'power.battery.BAT0.percent']);
    // History keeps 32-bit floats, so 12.4 comes back as 12.3999996…
    for (const r of rows) expect(Number(r['cpu.busy'])).toBeCloseTo(12.4, 5);
    expect(rows[0]!['power.battery.BAT0.percent']).toBe('87');
    expect(f.notices).toEqual([{ title: 'Export finished', body: '5 rows written to out.csv' }]);
    expect(f.progress.at(-1)).toBeUndefined();
    expect(f.progress).toContain(1);
    expect(f.dialogs[0]).toMatch(/darwinmetrics-5m-.*\.csv$/);
  });

  it('returns saved: false and writes nothing when cancelled', async () => {
    const f = setup(undefined);
    expect(await f.run({ range: '5m', series: ['cpu.busy'], format: 'jsonl' })).toEqual({
      saved: false,
      rows: 0,
      bytes: 0,
    });
    expect(f.notices).toEqual([]);
  });

  it('shows the error and rejects, and allows one export at a time', async () => {
    const f = setup(join(dir, 'no', 'such', 'dir.csv'));
    const first = f.run({ range: '5m', series: ['cpu.busy'], format: 'csv' });
    await expect(f.run({ range: '5m', series: ['cpu.busy'], format: 'csv' })).rejects.toThrow(
      /already running/,
    );
    await expect(first).rejects.toThrow(/ENOENT/);
    expect(f.errors[0]).toMatch(/^Export failed: Nothing was written/);
    expect(f.notices).toEqual([]);
  });
});
