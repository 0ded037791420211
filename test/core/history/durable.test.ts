// Durable history (issue 14): what a directory-backed history writes, reads back, cuts and reports.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHistory, type HistoryPoint } from '../../../src/core/history/history';
import { listSegments, tierDir } from '../../../src/core/history/layout';
import { HistoryLockedError } from '../../../src/core/history/lock';
import { openHistory, type DurableHistory } from '../../../src/core/history/open';
import type { HistoryRange } from '../../../src/shared/history-types';

const T0 = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
const open: DurableHistory[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-durable-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openAt(dir: string, now: () => number, days = 365): Promise<DurableHistory> {
  const h = await openHistory({ dir, days, now });
  open.push(h);
  return h;
}

const pts = (step: number): HistoryPoint[] => [
  { id: 'cpu.busy', label: 'CPU busy', unit: '%', value: step % 97 },
  { id: 'memory.usedPercent', label: 'Memory used', unit: '%', value: 50 + (step % 7) },
];

/** Feeds both histories the same points every stepMs from t0 for n steps; returns the last time. */
function feed(
  targets: readonly { pushPoints: (t: number, p: HistoryPoint[]) => void }[],
  t0: number,
  stepMs: number,
  n: number,
): number {
  let t = t0;
  for (let k = 0; k < n; k++) {
    t = t0 + k * stepMs;
    for (const h of targets) h.pushPoints(t, pts(k));
  }
  return t;
}

const q = (h: { query: DurableHistory['query'] }, range: HistoryRange) =>
  h.query({ series: ['cpu.busy', 'memory.usedPercent'], range, maxPoints: 10_000 });

describe('durable history', () => {
  it('answers long ranges from disk exactly as an in-memory history of the same tiers', async () => {
    const dir = tempDir();
    let now = T0;
    const durable = await openAt(dir, () => now, 30);
    const memory = createHistory({ days: 30, now: () => now });
    now = feed([durable, memory], T0, 20_000, 3 * 4320); // 3 days of 20 s samples
    for (const range of ['24h', '7d', '30d'] as const) expect(q(durable, range)).toEqual(q(memory, range));
    expect(durable.report.restored).toBe(false);
  });

  it('restores after a clean close: same answers, nothing reported as dropped', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now, 30);
    const memory = createHistory({ days: 30, now: () => now });
    now = feed([first, memory], T0, 20_000, 4320);
    await first.close();
    const second = await openAt(dir, () => now, 30);
    expect(second.report.restored).toBe(true);
    expect(second.report.notes).toEqual([]);
    // The open 10 s bucket was never closed, so it is not on disk: compare the closed buckets only.
    const closedOnly = (r: ReturnType<typeof q>) => r.series.map((s) => s.t.slice(0, -1));
    expect(q(second, '24h').series.map((s) => s.t)).toEqual(closedOnly(q(memory, '24h')));
    expect(q(second, '30d').series[0]!.t.length).toBeGreaterThan(0);
    expect(
      second
        .listSeries()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['cpu.busy', 'memory.usedPercent']);
  });

  it('after a crash says so, and rebuilds the coarse open buckets from the 10 s tier', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openHistory({ dir, days: 30, now: () => now, isAlive: () => true });
    const memory = createHistory({ days: 30, now: () => now });
    // The last sample sits in the open 10 s bucket, which a kill loses: the reference never sees it.
    feed([memory], T0, 20_000, 499);
    now = feed([first], T0, 20_000, 500);
    // No close(): what a kill leaves behind, a lock naming a process that is gone included.
    writeFileSync(join(dir, 'LOCK'), '999999\n');
    const second = await openHistory({ dir, days: 30, now: () => now, isAlive: () => false });
    open.push(second);
    expect(second.report.notes.join('\n')).toMatch(/took over the lock left by process/);
    expect(second.report.notes.join('\n')).toMatch(/stopped without closing/);
    const a = q(second, '30d').series[0]!;
    const b = q(memory, '30d').series[0]!;
    expect(a).toEqual(b);
  });

  it('cuts a torn last record and keeps everything before it', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now, 30);
    now = feed([first], T0, 10_000, 100);
    await first.close();
    const folder = tierDir(dir, 10_000);
    const newest = listSegments(folder).at(-1)!.path;
    const before = readFileSync(newest).length;
    appendFileSync(newest, Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 2, 0]));
    open.splice(0);
    const second = await openAt(dir, () => now, 30);
    expect(second.report.notes.join('\n')).toMatch(/cut 10 bytes of a torn record/);
    expect(readFileSync(newest).length).toBe(before);
    expect(q(second, '24h').series[0]!.t.length).toBe(99);
  });

  it('sets aside an unreadable segment and loads the rest', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now, 30);
    now = feed([first], T0, 10_000, 8640); // a day: several 10 s segments
    await first.close();
    open.splice(0);
    const folder = tierDir(dir, 10_000);
    const segments = listSegments(folder);
    expect(segments.length).toBeGreaterThan(2);
    writeFileSync(segments[0]!.path, 'not a segment at all, but long enough for a header');
    const second = await openAt(dir, () => now, 30);
    expect(second.report.notes.join('\n')).toMatch(/set aside unreadable segment .* \(not a history segment/);
    expect(readdirSync(folder).some((n) => n.includes('.corrupt-'))).toBe(true);
    const t = q(second, '24h').series[0]!.t;
    expect(t.at(-1)).toBeGreaterThan(now - 60_000);
    expect(t[0]).toBeGreaterThanOrEqual(segments[1]!.startMs);
  });

  it('refuses a second writer with the other pid, and releases the lock on close', async () => {
    const dir = tempDir();
    const first = await openAt(dir, () => T0);
    await expect(openHistory({ dir, isAlive: () => true })).rejects.toThrow(HistoryLockedError);
    writeFileSync(join(dir, 'LOCK'), '999999\n');
    await expect(openHistory({ dir, isAlive: (pid) => pid === 999999 })).rejects.toThrow(
      /in use by process 999999/,
    );
    writeFileSync(join(dir, 'LOCK'), `${process.pid}\n`);
    await first.close();
    expect(readdirSync(dir)).not.toContain('LOCK');
  });
});

describe('migration of the previous whole-file history', () => {
  it('imports every tier it held (1 s, 10 s, 1 min) once and renames the old file', async () => {
    const dir = tempDir();
    let now = T0;
    const legacy = createHistory({ days: 7, now: () => now });
    now = feed([legacy], T0, 20_000, 2000);
    const file = join(dir, 'history.dmh');
    await legacy.save(file);
    const history = await openHistory({
      dir: join(dir, 'history'),
      legacyFile: file,
      days: 30,
      now: () => now,
    });
    open.push(history);
    expect(history.report.notes.join('\n')).toMatch(
      /imported the previous history file \(1 s, 10 s, 60 s tiers; 2 series\)/,
    );
    expect(readdirSync(dir).sort()).toEqual(['history', 'history.dmh.migrated']);
    // Closed buckets come back exactly; the legacy file's open buckets were never closed.
    const closed = (r: ReturnType<typeof q>) => r.series.map((s) => s.t.slice(0, -1));
    expect(q(history, '24h').series.map((s) => s.t)).toEqual(closed(q(legacy, '24h')));
    // The 1 s tier comes back through the path a clean exit's snapshot takes (fine-file.ts).
    expect(q(history, '1h').series.map((s) => s.t)).toEqual(closed(q(legacy, '1h')));
    expect(q(history, '1h').series[0]!.t.length).toBeGreaterThan(150);
    // The open minute is rebuilt from the imported 10 s buckets, so only the closed minutes must match.
    const closedAvg = (r: ReturnType<typeof q>) => r.series.map((s) => s.avg.slice(0, -1));
    expect(closedAvg(q(history, '7d'))).toEqual(closedAvg(q(legacy, '7d')));
  });

  it('imports a 1 s tier that is past its hour at start, and restores none of it', async () => {
    const dir = tempDir();
    let now = T0;
    const legacy = createHistory({ days: 1, now: () => now });
    now = feed([legacy], T0, 1_000, 1200);
    const file = join(dir, 'history.dmh');
    await legacy.save(file);
    now += 2 * 3_600_000; // the app was not started again for two hours
    const history = await openHistory({
      dir: join(dir, 'history'),
      legacyFile: file,
      days: 1,
      now: () => now,
    });
    open.push(history);
    const notes = history.report.notes.join('\n');
    expect(notes).toMatch(/imported the previous history file \(1 s, 10 s tiers; 2 series\)/);
    expect(q(history, '1h').series[0]!.t).toEqual([]);
    expect(q(history, '24h').series[0]!.t.length).toBe(119);
  });

  it('sets aside a previous file it cannot read, and starts empty', async () => {
    const dir = tempDir();
    const file = join(dir, 'history.dmh');
    writeFileSync(file, 'DMHIST\0\0 but then nothing useful');
    const history = await openHistory({ dir: join(dir, 'history'), legacyFile: file });
    open.push(history);
    expect(history.report.notes.join('\n')).toMatch(/could not be imported .*moved to/);
    expect(readdirSync(dir).some((n) => n.startsWith('history.dmh.corrupt-'))).toBe(true);
  });
});
