import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RowFile, RowFileError } from '../../src/cli/record-file';
import { bundleScript } from '../helpers/bundle-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nmetrics-rowfile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('RowFile', () => {
  it('appends whole rows and reads the first line back', () => {
    const path = join(dir, 'a.csv');
    const f = RowFile.open(path);
    f.append('h1,h2\r\n');
    f.append('1,2\r\n');
    expect(f.firstLine()).toBe('h1,h2\r\n');
    expect(f.bytes).toBe(12);
    f.close();
    expect(() => f.append('x')).toThrow(RowFileError);
  });

  it('refuses to append after a row an earlier run left incomplete, and leaves the file untouched', () => {
    const path = join(dir, 'cut.csv');
    writeFileSync(path, 'h1,h2\r\n1,2\r\n3,');
    expect(() => RowFile.open(path)).toThrow(/ends with an incomplete row/);
    expect(readFileSync(path, 'utf8')).toBe('h1,h2\r\n1,2\r\n3,');
    writeFileSync(path, 'h1,h2\r\n1,2\r\n');
    const f = RowFile.open(path);
    f.append('3,4\r\n');
    f.close();
    expect(readFileSync(path, 'utf8')).toBe('h1,h2\r\n1,2\r\n3,4\r\n');
  });

  it('refuses anything but a regular file, without waiting on a FIFO that nobody reads', () => {
    expect(() => RowFile.open('/dev/full')).toThrow(
      /cannot write \/dev\/full: it is a device, not a regular file; record appends to files only/,
    );
    const fifo = join(dir, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => RowFile.open(fifo)).toThrow(/it is a FIFO \(named pipe\), not a regular file/);
  });

  it('leaves only complete rows when the file hits a size limit mid-row', async () => {
    // A child process under `ulimit -f` (RLIMIT_FSIZE, 1 KiB blocks): the kernel cuts a write short,
    // then fails the next one with EFBIG, exactly as a filling disk does.
    const entry = join(dir, 'entry.ts');
    const src = resolve(process.cwd(), 'src');
    const fixture = resolve(process.cwd(), 'test/core/export/full-sample.ts');
    writeFileSync(
      entry,
      `import { RowFile } from ${JSON.stringify(join(src, 'cli/record-file'))};
       import { SampleCsv } from ${JSON.stringify(join(src, 'core/export/csv'))};
       import { fullSample } from ${JSON.stringify(fixture)};
       const f = RowFile.open(process.argv[2]);
       const csv = new SampleCsv({ topProcesses: 13 });
       let rows = 0;
       try {
         f.append(csv.header(fullSample()));
         for (let i = 0; ; i++) { f.append(csv.row(fullSample(1_764_000_000_000 + i * 1000))); rows++; }
       } catch (e) { console.log(JSON.stringify({ rows, message: e.message })); }`,
    );
    const bundle = join(dir, 'entry.mjs');
    await bundleScript(entry, bundle);
    const out = join(dir, 'limited.csv');
    const r = spawnSync('bash', ['-c', `ulimit -f 16 && exec "${process.execPath}" "${bundle}" "${out}"`], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { rows: number; message: string };
    expect(result.message).toMatch(/the file is larger than this system allows \(EFBIG\)/);
    expect(result.rows).toBeGreaterThan(0);
    expect(statSync(out).size).toBeLessThanOrEqual(16 * 1024);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = parse(text) as string[][];
    expect(parsed).toHaveLength(result.rows + 1);
    expect(new Set(parsed.map((row) => row.length)).size).toBe(1);
  });
});
