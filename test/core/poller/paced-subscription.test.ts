/** Paced subscriptions: every k-th tick of the shared poller, rounded as the poller's own schedule rounds. */
import { describe, expect, it } from 'vitest';
import { pacedIntervalMs, subscribePaced } from '../../../src/core/poller/paced-subscription';
import type { SampleCallback } from '../../../src/core/poller';
import type { Sample } from '../../../src/shared/sample';

/** Just enough poller: one subscriber, samples pushed by the test. */
function fedPoller(intervalMs: number) {
  let cb: SampleCallback | undefined;
  return {
    intervalMs,
    subscribe: (_sections: unknown, callback: SampleCallback) => {
      cb = callback;
      return () => (cb = undefined);
    },
    tick: (t: number) => cb?.({ t, mono: t * 1e6 } as Sample),
  };
}

describe('pacedIntervalMs', () => {
  it('is a whole number of ticks, at least one, rounded within half a tick', () => {
    expect(pacedIntervalMs(1000, 1000)).toBe(1000);
    expect(pacedIntervalMs(250, 1000)).toBe(1000);
    expect(pacedIntervalMs(1500, 1000)).toBe(1000);
    expect(pacedIntervalMs(1600, 1000)).toBe(2000);
    expect(pacedIntervalMs(400, 250)).toBe(500);
    expect(pacedIntervalMs(60_000, 250)).toBe(60_000);
  });
});

describe('subscribePaced', () => {
  it('passes on every k-th tick, judged by the samples own clock, as pacedIntervalMs promises', () => {
    for (const [requested, base] of [
      [1000, 250],
      [1600, 1000],
      [1500, 1000],
      [400, 250],
      [250, 1000],
    ] as const) {
      const poller = fedPoller(base);
      const got: number[] = [];
      const stop = subscribePaced(poller, ['cpu'], requested, (s) => void got.push(s.t));
      // Ticks on the grid with a few ms of jitter either way, as timers deliver them.
      for (let i = 0; i < 40; i++) poller.tick(i * base + (i % 3) - 1);
      stop();
      const gaps = got.slice(1).map((t, i) => Math.round((t - got[i]!) / base) * base);
      expect(new Set(gaps), `${requested} on ${base}`).toEqual(new Set([pacedIntervalMs(requested, base)]));
    }
  });

  it('unsubscribes from the poller', () => {
    const poller = fedPoller(250);
    const got: number[] = [];
    const stop = subscribePaced(poller, ['cpu'], 250, (s) => void got.push(s.t));
    poller.tick(0);
    stop();
    poller.tick(250);
    expect(got).toEqual([0]);
  });
});
