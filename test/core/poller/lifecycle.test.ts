import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller, type PollerErrorKind } from '../../../src/core/poller/poller';
import type { Sample } from '../../../src/shared/sample';
import { FakeSource, fakeDerive } from './fakes';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 1));
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(options: { ownsSource?: boolean; signal?: AbortSignal } = {}) {
  const source = new FakeSource();
  const errors: { error: unknown; kind: PollerErrorKind }[] = [];
  const poller = createPoller({
    source,
    intervalMs: 1000,
    derive: fakeDerive(),
    onError: (error, kind) => errors.push({ error, kind }),
    ...options,
  });
  return { source, errors, poller };
}

describe('poller: cancellation', () => {
  it('stops on abort, leaves no timer, and closes a source it owns', async () => {
    const controller = new AbortController();
    const { source, poller } = setup({ ownsSource: true, signal: controller.signal });
    let n = 0;
    poller.subscribe(['cpu'], () => void (n += 1));
    await vi.advanceTimersByTimeAsync(3000);
    expect(n).toBe(4);
    controller.abort();
    await poller.close();
    expect(poller.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(source.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(n).toBe(4);
  });

  it('leaves a source it does not own open', async () => {
    const { source, poller } = setup();
    poller.subscribe(['cpu'], () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    await poller.close();
    expect(source.closed).toBe(false);
  });

  it('waits for a read in flight before closing the source, and delivers nothing after abort', async () => {
    const controller = new AbortController();
    const { source, poller } = setup({ ownsSource: true, signal: controller.signal });
    source.delayMs = 500;
    let n = 0;
    poller.subscribe(['cpu'], () => void (n += 1));
    await vi.advanceTimersByTimeAsync(100);
    expect(source.inFlight).toBe(1);
    controller.abort();
    expect(source.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    await poller.close();
    expect(source.closed).toBe(true);
    expect(n).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is closed from the start with an aborted signal', async () => {
    const { source, poller } = setup({ ownsSource: true, signal: AbortSignal.abort() });
    poller.subscribe(['cpu'], () => undefined);
    await poller.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(source.requests).toHaveLength(0);
    expect(source.closed).toBe(true);
  });

  it('idles with no timer when the last subscriber leaves, and resumes on a new one', async () => {
    const { source, poller } = setup();
    const stop = poller.subscribe(['cpu'], () => undefined);
    await vi.advanceTimersByTimeAsync(2000);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    const before = source.requests.length;
    poller.subscribe(['memory'], () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(source.requests.length).toBe(before + 1);
    expect(source.requests.at(-1)).toEqual(['memory']);
    await poller.close();
  });

  it('ends a for-await loop on abort and on break', async () => {
    const { poller } = setup();
    const controller = new AbortController();
    const seen: number[] = [];
    const loop = (async () => {
      for await (const s of poller.samples(['cpu'], { signal: controller.signal })) seen.push(s.t);
    })();
    await vi.advanceTimersByTimeAsync(2000);
    controller.abort();
    await loop;
    expect(seen.length).toBe(3);
    const breaking = (async () => {
      for await (const s of poller.samples(['cpu'])) if (s.t > 0) break;
    })();
    await vi.advanceTimersByTimeAsync(1000);
    await breaking;
    expect(poller.demand()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    await poller.close();
  });

  it('finishes open iterators when the poller closes', async () => {
    const { poller } = setup();
    const iterator = poller.samples(['cpu']);
    const pending = iterator.next();
    await poller.close();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });
});

describe('poller: backpressure and isolation', () => {
  it('gives a slow consumer the newest sample while a fast one gets every sample', async () => {
    const { poller } = setup();
    const fast: number[] = [];
    const slow: number[] = [];
    let release: (() => void) | undefined;
    poller.subscribe(['cpu'], (s) => void fast.push(s.t));
    poller.subscribe(['cpu'], (s) => {
      slow.push(s.t);
      return new Promise<void>((resolve) => (release = resolve));
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(fast).toHaveLength(6);
    expect(slow).toHaveLength(1);
    release!();
    await vi.advanceTimersByTimeAsync(0);
    // Samples 2..5 were dropped, oldest first: the slow consumer's second sample is the newest.
    expect(slow).toEqual([fast[0], fast[5]]);
  });

  it('keeps a for-await consumer on the newest sample when it falls behind', async () => {
    const { poller } = setup();
    const iterator = poller.samples(['cpu']);
    await vi.advanceTimersByTimeAsync(4000);
    const first = await iterator.next();
    expect((first.value as Sample).t).toBe(Date.now());
    await iterator.return!();
    await poller.close();
  });

  it('isolates and reports a throwing subscriber, which keeps receiving', async () => {
    const { errors, poller } = setup();
    let thrower = 0;
    const good: number[] = [];
    poller.subscribe(['cpu'], () => {
      thrower += 1;
      throw new Error('boom');
    });
    poller.subscribe(['cpu'], async () => {
      await Promise.resolve();
      throw new Error('async boom');
    });
    poller.subscribe(['cpu'], (s) => void good.push(s.t));
    await vi.advanceTimersByTimeAsync(2000);
    expect(good).toHaveLength(3);
    expect(thrower).toBe(3);
    expect(errors.filter((e) => e.kind === 'subscriber')).toHaveLength(6);
    await poller.close();
  });

  it('reports a failed read and carries on at the next tick', async () => {
    const { source, errors, poller } = setup();
    const got: number[] = [];
    poller.subscribe(['cpu'], (s) => void got.push(s.t));
    source.failNext = new Error('read failed');
    await vi.advanceTimersByTimeAsync(2000);
    expect(errors.map((e) => e.kind)).toEqual(['sample']);
    expect(got).toHaveLength(2);
    await poller.close();
  });
});

describe('poller: arguments', () => {
  it('rejects bad arguments with the argument named', () => {
    const source = new FakeSource();
    const derive = fakeDerive();
    expect(() => createPoller({ source, intervalMs: 0, derive })).toThrow(/intervalMs/);
    expect(() =>
      createPoller({ source, intervalMs: 1000, derive, sectionIntervalsMs: { cpux: 5 } as never }),
    ).toThrow(/sectionIntervalsMs/);
    const poller = createPoller({ source, intervalMs: 1000, derive });
    expect(() => poller.subscribe(['cpu', 'bogus' as never], () => undefined)).toThrow(/sections.*bogus/);
    expect(() => poller.subscribe([], () => undefined)).toThrow(/sections/);
    expect(() => poller.setIntervalMs(-5)).toThrow(/intervalMs/);
  });
});

describe('poller: await using', () => {
  it('closes the poller and a source it owns at the end of the block', async () => {
    const source = new FakeSource();
    let seen: { closed: boolean } | undefined;
    {
      await using poller = createPoller({ source, intervalMs: 1000, derive: fakeDerive(), ownsSource: true });
      seen = poller;
      expect(poller.closed).toBe(false);
    }
    expect(seen.closed).toBe(true);
    expect(source.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
