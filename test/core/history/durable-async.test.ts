// Long-range queries of a durable history read their segments off the event loop (issue 14): the
// loop keeps turning while a range on disk is read, and the answer is the synchronous reader's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSegments, tierDir } from '../../../src/core/history/layout';
import { openHistory, type DurableHistory } from '../../../src/core/history/open';
import type { HistoryQuery } from '../../../src/shared/history-types';

const T0 = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
const open: DurableHistory[] = [];

afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Ten days of two series every minute, in a history that keeps 30 days (the 15 min tier is on disk). */
async function tenDays(): Promise<{ history: DurableHistory; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-durable-async-'));
  dirs.push(dir);
  let now = T0;
  const history = await openHistory({ dir, days: 30, now: () => now });
  open.push(history);
  for (let k = 0; k < 10 * 1440; k++) {
    now = T0 + k * 60_000;
    history.pushPoints(now, [
      { id: 'cpu.busy', label: 'CPU busy', unit: '%', value: k % 97 },
      { id: 'memory.usedPercent', label: 'Memory used', unit: '%', value: 50 + (k % 7) },
    ]);
  }
  return { history, dir };
}

/** Resolves `run()` while counting the event loop's turns (setImmediate callbacks) until it settles. */
async function turnsDuring<T>(run: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let settled = false;
  const turn = (): void => {
    turns += 1;
    if (!settled) setImmediate(turn);
  };
  setImmediate(turn);
  const value = await run().finally(() => (settled = true));
  return { value, turns };
}

describe('durable history, asynchronous queries', () => {
  const query: HistoryQuery = { series: ['cpu.busy', 'memory.usedPercent'], range: '30d', maxPoints: 500 };

  it('keeps the event loop turning while it reads a range from disk, and answers as query does', async () => {
    const { history, dir } = await tenDays();
    const segments = listSegments(tierDir(dir, 900_000)).length;
    expect(segments).toBeGreaterThanOrEqual(3);
    const { value, turns } = await turnsDuring(() => history.queryAsync(query));
    // At least one turn of the loop per segment read (each read is a trip to the thread pool).
    expect(turns).toBeGreaterThanOrEqual(segments);
    expect(value).toEqual(history.query(query));
    expect(value.series[0]!.t.length).toBeGreaterThan(150);
  });

  it('answers concurrent queries each with its own series', async () => {
    const { history } = await tenDays();
    const one = (id: string) => ({ ...query, series: [id] });
    const [cpu, memory] = await Promise.all([
      history.queryAsync(one('cpu.busy')),
      history.queryAsync(one('memory.usedPercent')),
    ]);
    expect(cpu).toEqual(history.query(one('cpu.busy')));
    expect(memory).toEqual(history.query(one('memory.usedPercent')));
  });

  it('rejects an invalid query naming the bad field, as query throws', async () => {
    const { history } = await tenDays();
    await expect(history.queryAsync({ ...query, range: 'forever' as never })).rejects.toThrow(/range/);
  });
});
