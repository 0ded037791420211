// The 1 s tier across restarts (issue 14): written once at clean shutdown through the atomic-write
// helper, restored at the next start when still inside the tier's hour, lost (alone) after a crash.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, snapshotName } from '../../../src/core/history/fine-snapshot';
import { createHistory, type HistoryPoint } from '../../../src/core/history/history';
import { openHistory, type DurableHistory } from '../../../src/core/history/open';
import type { HistoryRange } from '../../../src/shared/history-types';

const T0 = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
const open: DurableHistory[] = [];
const FILE = snapshotName(1_000);

afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-fine-'));
  dirs.push(dir);
  return dir;
}

async function openAt(dir: string, now: () => number): Promise<DurableHistory> {
  const h = await openHistory({ dir, days: 30, now });
  open.push(h);
  return h;
}

const pts = (k: number): HistoryPoint[] => [
  { id: 'cpu.busy', label: 'CPU busy', unit: '%', value: k % 89 },
  { id: 'memory.usedPercent', label: 'Memory used', unit: '%', value: 40 + (k % 13) },
];

/** Pushes one point a second into every target for `seconds` seconds from t0; returns the last time. */
function feed(
  targets: readonly { pushPoints: (t: number, p: HistoryPoint[]) => void }[],
  t0: number,
  seconds: number,
): number {
  let t = t0;
  for (let k = 0; k < seconds; k++) {
    t = t0 + k * 1000;
    for (const h of targets) h.pushPoints(t, pts(k));
  }
  return t;
}

const q = (h: { query: DurableHistory['query'] }, range: HistoryRange) =>
  h.query({ series: ['cpu.busy', 'memory.usedPercent'], range, maxPoints: 10_000 });

describe('the 1 s tier across restarts', () => {
  it('is saved at a clean close and restored whole when the next start is within the hour', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now);
    const memory = createHistory({ days: 30, now: () => now });
    now = feed([first, memory], T0, 2 * 3600);
    await first.close();
    expect(existsSync(join(dir, FILE))).toBe(true);
    const second = await openAt(dir, () => now);
    expect(second.report.notes).toEqual([]);
    // The memory history's open second was never closed (nor saved): compare its closed buckets.
    const closedOnly = (r: ReturnType<typeof q>) =>
      r.series.map((s) => ({ t: s.t.slice(0, -1), avg: s.avg.slice(0, -1) }));
    const restored = q(second, '1h').series.map((s) => ({ t: s.t, avg: s.avg }));
    expect(restored).toEqual(closedOnly(q(memory, '1h')));
    expect(restored[0]!.t.length).toBe(3600);
    // Read once, then deleted: a later crash cannot bring this hour back.
    expect(existsSync(join(dir, FILE))).toBe(false);
  });

  it('keeps only the part still inside the hour, quietly, and resumes after it', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now);
    now = feed([first], T0, 3600);
    await first.close();
    now += 30 * 60_000; // half an hour later
    const second = await openAt(dir, () => now);
    // Expiry is what a tier does; a clean close followed by a later start reports nothing.
    expect(second.report.notes).toEqual([]);
    const kept = q(second, '1h').series[0]!.t;
    expect(kept.length).toBeGreaterThan(1700);
    expect(kept.length).toBeLessThan(1900);
    expect(kept[0]).toBeGreaterThanOrEqual(now - 3_600_000);
    second.pushPoints(now, pts(0));
    expect(q(second, '1h').series[0]!.t.at(-1)).toBe(now);
  });

  it('drops what lies after the current time when the clock was set back, and says so', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now);
    now = feed([first], T0, 1200);
    await first.close();
    now -= 10 * 60_000;
    const second = await openAt(dir, () => now);
    expect(second.report.notes.join(' ')).toMatch(
      /dropped 599 1 s buckets saved at exit that lie after the current time \(the clock was set back\)/,
    );
    const kept = q(second, '1h').series[0]!.t;
    expect(kept.at(-1)).toBe(now);
    expect(kept.length).toBe(600);
  });

  it('restores nothing of a snapshot older than the hour', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now);
    now = feed([first], T0, 600);
    await first.close();
    now += 2 * 3_600_000;
    const second = await openAt(dir, () => now);
    expect(q(second, '1h').series[0]!.t).toEqual([]);
    expect(existsSync(join(dir, FILE))).toBe(false);
  });

  it('is lost alone after a crash: no snapshot, the 10 s tier still there', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openHistory({ dir, days: 30, now: () => now, isAlive: () => true });
    now = feed([first], T0, 600);
    // No close(): what a kill leaves behind, a lock naming a process that is gone included.
    writeFileSync(join(dir, 'LOCK'), '999999\n');
    const second = await openHistory({ dir, days: 30, now: () => now, isAlive: () => false });
    open.push(second);
    expect(existsSync(join(dir, FILE))).toBe(false);
    expect(q(second, '1h').series[0]!.t).toEqual([]);
    expect(q(second, '24h').series[0]!.t.length).toBeGreaterThan(50);
  });

  it('sets a damaged snapshot aside with a note, and starts', async () => {
    const dir = tempDir();
    let now = T0;
    const first = await openAt(dir, () => now);
    now = feed([first], T0, 600);
    await first.close();
    const file = readFileSync(join(dir, FILE));
    file[file.length - 3] = file[file.length - 3]! ^ 0x55;
    writeFileSync(join(dir, FILE), file);
    const second = await openAt(dir, () => now);
    expect(second.report.notes.join(' ')).toMatch(
      /1 s tier saved at exit could not be restored \(checksum mismatch\)/,
    );
    expect(q(second, '1h').series[0]!.t).toEqual([]);
  });

  it('decodes only what it encoded: damaged bytes are an Error, never a misread', () => {
    const values = Float32Array.from({ length: 2 * 5 }, (_, i) => i / 2);
    const whole = encodeSnapshot({
      resolutionMs: 1_000,
      firstBucket: T0 / 1000,
      buckets: 5,
      series: [
        { id: 'cpu.busy', label: 'CPU', unit: '%' },
        { id: 'memory.usedPercent', label: 'Memory', unit: '%' },
      ],
      values,
    });
    expect([...decodeSnapshot(whole).values]).toEqual([...values]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (flips, cut) => {
          const file = Buffer.from(
            whole.subarray(0, whole.length - (cut % 4 === 0 ? 0 : cut % whole.length)),
          );
          for (const [at, mask] of flips) file[at % file.length] = file[at % file.length]! ^ mask;
          expect(() => decodeSnapshot(file)).toThrow(Error);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
