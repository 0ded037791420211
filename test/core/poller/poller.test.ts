import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller, type PollerErrorKind } from '../../../src/core/poller/poller';
import { nextGridTime } from '../../../src/core/poller/schedule';
import type { Sample } from '../../../src/shared/sample';
import { FakeSource, fakeDerive, sectionOf, type DeriveCall } from './fakes';

// 2026-01-01T00:00:00.250Z: deliberately off the 1 s grid.
const START = Date.UTC(2026, 0, 1) + 250;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(extra: { intervalMs?: number; ownsSource?: boolean; signal?: AbortSignal } = {}) {
  const source = new FakeSource();
  const calls: DeriveCall[] = [];
  const errors: { error: unknown; kind: PollerErrorKind }[] = [];
  const poller = createPoller({
    source,
    intervalMs: extra.intervalMs ?? 1000,
    derive: fakeDerive(calls),
    onError: (error, kind) => errors.push({ error, kind }),
    ...(extra.ownsSource !== undefined ? { ownsSource: extra.ownsSource } : {}),
    ...(extra.signal !== undefined ? { signal: extra.signal } : {}),
  });
  return { source, calls, errors, poller };
}

describe('poller: demand and intervals', () => {
  it('reads only the union of what subscribers want and gives each only its sections', async () => {
    const { source, poller } = setup();
    const a: Sample[] = [];
    const b: Sample[] = [];
    poller.subscribe(['cpu'], (s) => void a.push(s));
    poller.subscribe(['memory', 'cpu'], (s) => void b.push(s));
    await vi.advanceTimersByTimeAsync(0);
    expect(source.requests[0]).toEqual(['cpu', 'memory']);
    expect(Object.keys(a[0]!).sort()).toEqual(['cpu', 'mono', 't']);
    expect(Object.keys(b[0]!).sort()).toEqual(['cpu', 'memory', 'mono', 't']);
    expect(poller.demand()).toEqual(['cpu', 'memory']);
    await poller.close();
  });

  it('reads each section at its own interval, carries it in between, and rates span its own interval', async () => {
    const { source, calls, poller } = setup();
    const got: Sample[] = [];
    poller.subscribe(['cpu', 'processes', 'disks'], (s) => void got.push(s));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(10_000);
    const count = (name: string) => source.requests.filter((r) => r.includes(name as never)).length;
    expect(count('cpu')).toBe(11);
    expect(count('processes')).toBe(6); // 0.25 s, then every 2 s on the grid
    expect(count('disks')).toBe(2);
    // Every sample holds every demanded section; a carried one keeps its read time.
    for (const s of got) expect(sectionOf(s, 'processes')).toBeDefined();
    const second = got[1]!;
    expect(sectionOf(second, 'processes')!.readAt).toBe(START);
    expect(sectionOf(second, 'cpu')!.readAt).toBe(second.t);
    const processSpans = calls.filter((c) => c.sections.includes('processes') && c.prevT !== undefined);
    expect(processSpans.length).toBeGreaterThan(0);
    for (const c of processSpans) expect(c.curT - c.prevT!).toBeGreaterThanOrEqual(1750);
    const last = got.at(-1)!;
    expect(sectionOf(last, 'cpu')!.spanMs).toBe(1000);
    await poller.close();
  });

  it('ticks on the interval grid and never has two reads in flight, skipping ticks a slow read covers', async () => {
    const { source, poller } = setup();
    source.delayMs = 1500;
    const times: number[] = [];
    poller.subscribe(['cpu'], (s) => void times.push(s.t));
    await vi.advanceTimersByTimeAsync(12_000);
    expect(source.maxInFlight).toBe(1);
    expect(times.length).toBeGreaterThan(3);
    // Reads start on the grid (the first at once), so each result lands 1.5 s after a multiple of 1 s.
    for (const t of times.slice(1)) expect((t - 1500) % 1000).toBe(0);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(2000);
    const closing = poller.close();
    await vi.advanceTimersByTimeAsync(1500);
    await closing;
  });

  it('computes the next grid time strictly after now, whatever now is', () => {
    expect(nextGridTime(1000, 1000)).toBe(2000);
    expect(nextGridTime(1999.5, 1000)).toBe(2000);
    expect(nextGridTime(-1, 1000)).toBe(0);
  });

  it('moves to a new grid when the interval changes', async () => {
    const { poller } = setup();
    const times: number[] = [];
    poller.subscribe(['cpu'], (s) => void times.push(s.t));
    await vi.advanceTimersByTimeAsync(1000);
    poller.setIntervalMs(5000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times.slice(2).every((t) => t % 5000 === 0)).toBe(true);
    await poller.close();
  });
});

describe('poller: sleep', () => {
  it('discards the first interval after the wall clock jumped (Linux: monotonic stops in suspend)', async () => {
    const { source, calls, poller } = setup();
    const got: Sample[] = [];
    poller.subscribe(['cpu', 'processes'], (s) => void got.push(s));
    await vi.advanceTimersByTimeAsync(3000);
    source.monoOffsetNs -= 3_600_000 * 1e6; // the monotonic clock did not count the hour
    vi.setSystemTime(Date.now() + 3_600_000);
    calls.length = 0;
    const before = got.length;
    await vi.advanceTimersByTimeAsync(1000);
    const afterSleep = got[before]!;
    expect(sectionOf(afterSleep, 'cpu')!.rate).toBeUndefined();
    // Every demanded section was read again rather than carried from before the sleep.
    expect(source.requests.at(-1)).toEqual(['cpu', 'processes']);
    expect(calls[0]!.prevT).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sectionOf(got.at(-1), 'cpu')!.spanMs).toBe(1000);
    await poller.close();
  });

  it('discards the interval when only the continuous monotonic clock shows the gap (macOS)', async () => {
    const { source, poller } = setup();
    const got: Sample[] = [];
    poller.subscribe(['cpu'], (s) => void got.push(s));
    await vi.advanceTimersByTimeAsync(2000);
    source.monoOffsetNs += 3_600_000 * 1e6;
    await vi.advanceTimersByTimeAsync(1000);
    expect(sectionOf(got.at(-1), 'cpu')!.rate).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sectionOf(got.at(-1), 'cpu')!.rate).toBe(1000);
    await poller.close();
  });
});
