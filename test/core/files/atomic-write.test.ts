import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChunksAtomic, writeFileAtomic } from '../../../src/core/files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the whole file and leaves no temp file behind', async () => {
    const p = join(dir, 'f.json');
    writeFileSync(p, 'x'.repeat(1000));
    await writeFileAtomic(p, '{}\n');
    expect(readFileSync(p, 'utf8')).toBe('{}\n');
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('writes bytes as given', async () => {
    const p = join(dir, 'f.bin');
    await writeFileAtomic(p, new Uint8Array([0, 1, 2, 255]));
    expect([...readFileSync(p)]).toEqual([0, 1, 2, 255]);
  });

  it('creates new files 0600 by default and with the mode asked for', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await writeFileAtomic(a, 'a');
    await writeFileAtomic(b, 'b', { mode: 0o640 });
    expect(statSync(a).mode & 0o777).toBe(0o600);
    // umask may clear bits but never adds any.
    expect(statSync(b).mode & 0o777 & ~0o640).toBe(0);
    expect(statSync(b).mode & 0o400).toBe(0o400);
  });

  it('fails into a missing folder without leaving anything', async () => {
    await expect(writeFileAtomic(join(dir, 'gone', 'f'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves the old file untouched and removes the temp file when writing fails', async () => {
    const p = join(dir, 'f.txt');
    writeFileSync(p, 'old');
    function* broken(): Generator<string> {
      yield 'new, half';
      throw new Error('disk on fire');
    }
    await expect(writeChunksAtomic(p, broken())).rejects.toThrow('disk on fire');
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['f.txt']);
  });

  it('fails when the target is a folder, removing its temp file', async () => {
    const target = join(dir, 'sub');
    mkdirSync(join(target, 'inner'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['sub']);
  });

  it('streams async chunks in order', async () => {
    const p = join(dir, 'f.csv');
    async function* rows(): AsyncGenerator<string> {
      for (let i = 0; i < 3; i++) yield `${i}\n`;
    }
    await writeChunksAtomic(p, rows());
    expect(readFileSync(p, 'utf8')).toBe('0\n1\n2\n');
  });

  it('names the bad argument', async () => {
    await expect(writeFileAtomic('', 'x')).rejects.toThrow(/path/);
    await expect(writeFileAtomic(join(dir, 'f'), 5 as unknown as string)).rejects.toThrow(/data/);
    await expect(writeFileAtomic(join(dir, 'f'), 'x', { mode: -1 })).rejects.toThrow(/mode/);
  });
});
