// Durable history over time (issue 14): retention deletes exactly the segments wholly older than a
// tier's window (and the tiers a shorter history no longer keeps), and clock jumps and sleep never
// put buckets out of order or damage a segment.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../src/core/history/history';
import { expiredSegments, listSegments, segmentSpanMs, tierDir } from '../../../src/core/history/layout';
import { openHistory } from '../../../src/core/history/open';
import { decodeSegment } from '../../../src/core/history/segment';
import type { TierSpec } from '../../../src/core/history/tier';

const T0 = Date.UTC(2026, 0, 1);
const TIERS: readonly TierSpec[] = [
  { resolutionMs: 1_000, capacity: 60, peaks: false },
  { resolutionMs: 10_000, capacity: 80, peaks: true },
  { resolutionMs: 60_000, capacity: 80, peaks: true },
];
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dm-durable-time-'));
  dirs.push(d);
  return d;
};
const pts = (v: number): HistoryPoint[] => [{ id: 'cpu.busy', label: 'CPU', unit: '%', value: v }];

/** Every bucket start of a tier on disk, in file order, and whether every segment decoded whole. */
function bucketsOnDisk(dir: string, res: number): { starts: number[]; whole: boolean } {
  const starts: number[] = [];
  let whole = true;
  for (const s of listSegments(tierDir(dir, res))) {
    const d = decodeSegment(readFileSync(s.path));
    if (d.problem !== undefined) whole = false;
    for (const r of d.records) if (r.type === 'bucket') starts.push(r.startMs);
  }
  return { starts, whole };
}

const increasing = (xs: readonly number[]): boolean => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('retention', () => {
  it('lists as expired exactly the segments whose successor starts at or before the cutoff', () => {
    const segs = [0, 100, 200, 300].map((startMs) => ({ path: String(startMs), startMs }));
    expect(expiredSegments(segs, 99).map((s) => s.startMs)).toEqual([]);
    expect(expiredSegments(segs, 100).map((s) => s.startMs)).toEqual([0]);
    expect(expiredSegments(segs, 250).map((s) => s.startMs)).toEqual([0, 100]);
    expect(expiredSegments(segs, 10_000).map((s) => s.startMs)).toEqual([0, 100, 200]);
  });

  it('keeps every bucket of the window on disk and deletes only segments wholly before it', async () => {
    const dir = tempDir();
    let now = T0;
    const h = await openHistory({ dir, tiers: TIERS, now: () => now });
    for (let k = 0; k < 400; k++) h.pushPoints((now = T0 + k * 5_000), pts(k));
    await h.close();
    const res = 10_000;
    const newest = Math.floor(now / res) * res - res; // the last closed bucket
    const cutoff = newest + res - 80 * res;
    const { starts, whole } = bucketsOnDisk(dir, res);
    expect(whole).toBe(true);
    // Nothing in the window was deleted...
    for (let t = Math.ceil(cutoff / res) * res; t <= newest; t += res) expect(starts).toContain(t);
    // ...and what is left beyond it is less than one segment.
    expect(starts[0]!).toBeGreaterThan(cutoff - segmentSpanMs(res, 80));
    expect(starts[0]!).toBeLessThanOrEqual(cutoff);
  });

  it('deletes the tiers a shorter history no longer keeps, and says so', async () => {
    const dir = tempDir();
    let now = T0;
    const year = await openHistory({ dir, days: 365, now: () => now });
    for (let k = 0; k < 3 * 3600; k++) year.pushPoints((now = T0 + k * 1_000), pts(k % 50));
    await year.close();
    // Besides the segment folders, the 1 s tier saved at exit (fine-snapshot.ts).
    expect(readdirSync(dir).sort()).toEqual([
      'tier-10s',
      'tier-1s.last',
      'tier-3600s',
      'tier-60s',
      'tier-900s',
    ]);
    const week = await openHistory({ dir, days: 7, now: () => now });
    await week.close();
    expect(readdirSync(dir).sort()).toEqual(['tier-10s', 'tier-1s.last', 'tier-60s']);
    expect(week.report.notes.join('\n')).toMatch(/deleted 1 segments of the 900s tier/);
    expect(week.report.notes.join('\n')).toMatch(/deleted 1 segments of the 3600s tier/);
  });
});

describe('clock jumps and sleep', () => {
  it('keeps buckets in order and segments whole when the clock goes back, forward, or sleeps', async () => {
    const dir = tempDir();
    let now = T0;
    const h = await openHistory({ dir, tiers: TIERS, now: () => now });
    const push = (t: number, v: number) => h.pushPoints((now = t), pts(v));
    for (let k = 0; k < 60; k++) push(T0 + k * 2_000, 1);
    for (let k = 0; k < 60; k++) push(T0 - 3_600_000 + k * 2_000, 2); // set back an hour
    for (let k = 0; k < 30; k++) push(T0 + 86_400_000 + k * 2_000, 3); // a day ahead
    for (let k = 0; k < 30; k++) push(T0 + 86_400_000 + 8 * 3_600_000 + k * 2_000, 4); // woke 8 h later
    await h.close();
    for (const res of [10_000, 60_000]) {
      const { starts, whole } = bucketsOnDisk(dir, res);
      expect(whole).toBe(true);
      expect(increasing(starts)).toBe(true);
    }
    // The 8 h of sleep are a gap, not invented buckets.
    const { starts } = bucketsOnDisk(dir, 10_000);
    const slept = starts.filter((t) => t > T0 + 86_400_000 + 60_000 && t < T0 + 86_400_000 + 8 * 3_600_000);
    expect(slept).toEqual([]);
    // Reopened after the clock was set back again: new buckets still follow the newest on disk.
    now = T0;
    const again = await openHistory({ dir, tiers: TIERS, now: () => now });
    for (let k = 0; k < 30; k++) again.pushPoints((now = T0 + k * 2_000), pts(5));
    again.pushPoints((now = T0 + 86_400_000 + 9 * 3_600_000), pts(6));
    await again.close();
    const after = bucketsOnDisk(dir, 10_000);
    expect(after.whole).toBe(true);
    expect(increasing(after.starts)).toBe(true);
  });
});
