// `nmetrics export` reads a history folder straight from disk; `serve` refuses a folder another
// process writes, naming it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { openHistory } from '../../src/core/history/open';
import { fakeIo } from './helpers/fake-io';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dm-cli-history-'));
  dirs.push(d);
  return d;
};

/** Three hours of two series every 10 s, ending a minute ago (so a '1y' export covers them). */
async function filled(dir: string): Promise<number> {
  const end = Math.floor((Date.now() - 60_000) / 10_000) * 10_000;
  const h = await openHistory({ dir, days: 30 });
  let n = 0;
  for (let t = end - 3 * 3_600_000; t < end; t += 10_000, n++) {
    h.pushPoints(t, [
      { id: 'cpu.busy', label: 'CPU busy', unit: '%', value: n % 100 },
      { id: 'memory.usedPercent', label: 'Memory', unit: '%', value: 40 },
    ]);
  }
  await h.close();
  return n;
}

describe('nmetrics export', () => {
  it('writes every bucket of the range from disk, with a progress bar on a terminal', async () => {
    const dir = tempDir();
    const pushed = await filled(dir);
    const out = join(dir, 'year.csv');
    const io = fakeIo();
    Object.assign(io.stderr, { isTTY: true });
    expect(await runCli(['export', '--range', '1y', '--out', out, '--data-dir', dir], io)).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0]).toBe('time,epoch_ms,cpu.busy,memory.usedPercent');
    // The 1 h tier spans the year: three hours of 10 s samples are three or four hourly rows.
    expect(lines.length - 1).toBeGreaterThanOrEqual(3);
    expect(io.err()).toMatch(/\[#+\] 100% of /);
    expect(io.out()).toMatch(/rows of 2 series .* written to /);

    const day = join(dir, 'day.jsonl');
    expect(
      await runCli(['export', '-r', '24h', '-o', day, '--data-dir', dir, '--series', 'cpu.busy'], fakeIo()),
    ).toBe(0);
    const rows = readFileSync(day, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { values: Record<string, number> });
    expect(rows.length).toBe(pushed - 1); // the open 10 s bucket is never on disk
    expect(Object.keys(rows[0]!.values)).toEqual(['cpu.busy']);
  });

  it('says so when the folder holds no history, and rejects a bad range', async () => {
    const dir = tempDir();
    const io = fakeIo();
    expect(
      await runCli(['export', '--range', '7d', '--out', join(dir, 'x.csv'), '--data-dir', dir], io),
    ).toBe(1);
    expect(io.err()).toMatch(/no history in /);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    const bad = fakeIo();
    expect(await runCli(['export', '--range', '2y', '--out', 'x.csv'], bad)).toBe(2);
    expect(bad.err()).toMatch(/--range: expected one of/);
  });
});

describe('nmetrics serve and the history lock', () => {
  it('refuses a folder another process holds, naming its pid', async () => {
    const dir = tempDir();
    const holder = await openHistory({ dir });
    try {
      const io = fakeIo();
      expect(await runCli(['serve', '--port', '0', '--data-dir', dir], io)).toBe(1);
      expect(io.err()).toMatch(new RegExp(`in use by process ${process.pid}`));
    } finally {
      await holder.close();
    }
  });

  it('rejects --data-dir with --no-history, and a history length out of range', async () => {
    const io = fakeIo();
    expect(await runCli(['serve', '--no-history', '--data-dir', '/tmp/x'], io)).toBe(2);
    expect(io.err()).toMatch(/--data-dir: not with --no-history/);
    const days = fakeIo();
    expect(await runCli(['serve', '--history-days', '731'], days)).toBe(2);
    expect(days.err()).toMatch(/--history-days: expected 1\.\.730/);
  });
});
