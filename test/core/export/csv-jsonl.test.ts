import { parse } from 'csv-parse/sync';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralise, restoreCell, SampleCsv } from '../../../src/core/export/csv';
import { flattenSample } from '../../../src/core/export/flatten';
import { historyExportChunks, writeHistoryExport } from '../../../src/core/export/history-export';
import { jsonlLine, parseJsonl } from '../../../src/core/export/jsonl';
import { wellFormed } from '../../../src/core/export/text';
import type { HistoryResult } from '../../../src/shared/history-types';
import type { Sample } from '../../../src/shared/sample';
import { fullSample, HOSTILE_NAMES } from './full-sample';

/** Reads our CSV back the way a consumer would, then undoes the formula neutralisation. */
function readCsv(text: string): string[][] {
  const rows = parse(text, { relax_column_count: false, bom: false }) as string[][];
  return rows.map((r) => r.map(restoreCell));
}

describe('CSV cells', () => {
  it('quotes per RFC 4180 and neutralises formula starters in text only', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell(-5.5)).toBe('-5.5');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
    for (const s of ['=x', "'=x", "'", 'plain', '-', '@']) expect(restoreCell(neutralise(s))).toBe(s);
  });
});

describe('sample CSV', () => {
  it('reads back equal to what was written, hostile process names included', () => {
    const w = new SampleCsv({ topProcesses: HOSTILE_NAMES.length });
    const samples = [fullSample(1_764_000_000_000), fullSample(1_764_000_001_000)];
    const text = w.header(samples[0]!) + samples.map((s) => w.row(s)).join('');
    const [header, ...rows] = readCsv(text);
    expect(header!.slice(0, 2)).toEqual(['time', 'epoch_ms']);
    expect(rows).toHaveLength(2);
    rows.forEach((row, i) => {
      const s = samples[i]!;
      expect(row[0]).toBe(new Date(s.t).toISOString());
      expect(Number(row[1])).toBe(s.t);
      const flat = flattenSample(s, { topProcesses: HOSTILE_NAMES.length });
      expect(header!.slice(2)).toEqual(flat.map(([k]) => k));
      flat.forEach(([, v], j) => {
        const cell = row[j + 2];
        if (typeof v === 'number') expect(Number(cell)).toBe(v);
        else if (v === undefined) expect(cell).toBe('');
        else expect(cell).toBe(wellFormed(String(v)));
      });
    });
    const names = header!.flatMap((h, j) => (/^process\.\d+\.name$/.test(h) ? [rows[0]![j]] : []));
    expect(names.sort()).toEqual(HOSTILE_NAMES.map(wellFormed).sort());
    // No cell a spreadsheet would evaluate.
    const raw = parse(text) as string[][];
    for (const cell of raw.flat()) if (!/^-?[\d.e+-]+$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
  it("keeps the first sample's columns when sensors come and go", () => {
    const w = new SampleCsv();
    const first = fullSample();
    w.header(first);
    const later: Sample = { t: first.t + 1000, mono: first.mono, cpu: first.cpu! };
    const [, row] = readCsv(w.header(first) + w.row(later));
    expect(row).toHaveLength(2 + w.columnNames!.length);
    expect(row![w.columnNames!.indexOf('memory.totalBytes') + 2]).toBe('');
  });
});

describe('JSONL', () => {
  it('reads back equal to the samples written, hostile names included', () => {
    const samples = [fullSample(1), fullSample(2)];
    const text = samples.map(jsonlLine).join('');
    expect(text.split('\n')).toHaveLength(3);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    expect(parseJsonl(text)).toEqual(JSON.parse(JSON.stringify(samples)));
    const back = parseJsonl(text) as Sample[];
    const names = back[0]!.processes!.ok ? back[0]!.processes!.value.processes.map((p) => p.name) : [];
    expect(names).toEqual(HOSTILE_NAMES);
    expect(() => parseJsonl('{}\n{oops\n')).toThrow(/line 2/);
  });
});

describe('history export', () => {
  const result: HistoryResult = {
    range: '1m',
    fromMs: 0,
    toMs: 3000,
    series: [
      { id: 'cpu.busy', t: [1000, 2000, 3000], avg: [10, 20, 30], min: [10, 20, 30], max: [10, 20, 30] },
      { id: 'memory.usedPercent', t: [2000, 3000], avg: [50, 51.5], min: [50, 51], max: [50, 52] },
    ],
  };
  it('writes CSV rows merged on time, with empty cells for missing points', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const count = await writeHistoryExport(result, 'csv', out);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(readCsv(text)).toEqual([
      ['time', 'epoch_ms', 'cpu.busy', 'memory.usedPercent'],
      ['1970-01-01T00:00:01.000Z', '1000', '10', ''],
      ['1970-01-01T00:00:02.000Z', '2000', '20', '50'],
      ['1970-01-01T00:00:03.000Z', '3000', '30', '51.5'],
    ]);
    expect(count).toEqual({ rows: 3, bytes: Buffer.byteLength(text) });
  });
  it('writes JSONL with one object per time', () => {
    const text = [...historyExportChunks(result, 'jsonl')].join('');
    expect(parseJsonl(text)).toEqual([
      { time: '1970-01-01T00:00:01.000Z', epoch_ms: 1000, values: { 'cpu.busy': 10 } },
      {
        time: '1970-01-01T00:00:02.000Z',
        epoch_ms: 2000,
        values: { 'cpu.busy': 20, 'memory.usedPercent': 50 },
      },
      {
        time: '1970-01-01T00:00:03.000Z',
        epoch_ms: 3000,
        values: { 'cpu.busy': 30, 'memory.usedPercent': 51.5 },
      },
    ]);
    expect(() => [...historyExportChunks(result, 'xml' as 'csv')]).toThrow(/format/);
  });
  it('streams large ranges in chunks', () => {
    const n = 50_000;
    const big: HistoryResult = {
      ...result,
      series: [
        {
          id: 'x',
          t: Array.from({ length: n }, (_, i) => i * 1000),
          avg: Array.from({ length: n }, (_, i) => i),
          min: [],
          max: [],
        },
      ],
    };
    const chunks = [...historyExportChunks(big, 'csv')];
    expect(chunks.length).toBeGreaterThan(1);
    expect(readCsv(chunks.join(''))).toHaveLength(n + 1);
  });
});
