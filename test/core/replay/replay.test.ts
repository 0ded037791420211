/**
 * Replay: a recording is read line by line with errors that name the line, and played through a
 * Poller at its recorded pace divided by the speed (a fake timer shows the waits).
 */
import { describe, expect, it } from 'vitest';
import { createReplayPoller, parseRecording } from '../../../src/core/replay';
import type { Sample } from '../../../src/shared/sample';

const host = (name: string) =>
  ({
    ok: true,
    value: {
      platform: 'linux',
      arch: 'x64',
      hostname: name,
      osName: 'Debian',
      osVersion: '12',
      kernel: '6.1',
      bootTimeMs: 0,
      uptimeSec: 1,
    },
  }) as const;
const sample = (t: number): Sample => ({ t, mono: t * 1e6, host: host('box') }) as Sample;
const jsonl = (...xs: object[]): string => xs.map((x) => `${JSON.stringify(x)}\n`).join('');

describe('parseRecording', () => {
  it('reads samples with the host and the time range', () => {
    const r = parseRecording(jsonl(sample(1000), sample(2000), sample(4000)), 'thermal.jsonl');
    expect(r.samples.map((s) => s.t)).toEqual([1000, 2000, 4000]);
    expect(r.info).toEqual({
      source: 'thermal.jsonl',
      hostname: 'box',
      fromMs: 1000,
      toMs: 4000,
      samples: 3,
    });
  });

  it('names the line that is not JSON, not a sample, or out of order', () => {
    expect(() => parseRecording(`${JSON.stringify(sample(1))}\n{oops\n`, 'a.jsonl')).toThrow(
      /a\.jsonl, line 2: not JSON/,
    );
    expect(() => parseRecording(jsonl({ t: 'x' }), 'a.jsonl')).toThrow(/line 1: not a sample/);
    expect(() => parseRecording(jsonl({ t: 1, mono: 1, cpu: 5 }), 'a.jsonl')).toThrow(/section "cpu"/);
    expect(() => parseRecording(jsonl({ t: 1, mono: 1, cpu: { ok: true, value: 5 } }), 'a.jsonl')).toThrow(
      /section "cpu"/,
    );
    expect(() => parseRecording(jsonl(sample(2), sample(1)), 'a.jsonl')).toThrow(
      /line 2: time 1 does not follow 2/,
    );
    expect(() => parseRecording('\n\n', 'empty.jsonl')).toThrow(/empty\.jsonl: no samples/);
  });
});

describe('createReplayPoller', () => {
  it('plays samples at the recorded pace divided by the speed, then holds the last', () => {
    const waits: number[] = [];
    const pending: (() => void)[] = [];
    const poller = createReplayPoller({
      samples: [sample(1000), sample(2000), sample(5000)],
      speed: 10,
      setTimer: (fn, ms) => {
        waits.push(ms);
        pending.push(fn);
        return pending.length;
      },
      clearTimer: () => undefined,
    });
    const seen: number[] = [];
    poller.subscribe(['host'], (s) => void seen.push(s.t));
    expect(poller.clock()).toBe(1000);
    while (pending.length > 0) pending.shift()!();
    expect(seen).toEqual([1000, 2000, 5000]);
    expect(waits).toEqual([0, 100, 300]);
    expect(poller.finished).toBe(true);
    expect(poller.latest()?.t).toBe(5000);
    expect(poller.clock()).toBe(5000);
  });

  it('hands each subscriber only its sections and rejects a bad speed', () => {
    expect(() => createReplayPoller({ samples: [sample(1)], speed: 0 })).toThrow(/speed/);
    const poller = createReplayPoller({
      samples: [{ ...sample(1), cpu: { ok: false, error: { reason: 'failed', message: 'x' } } } as Sample],
      speed: 1,
    });
    const got: Sample[] = [];
    poller.subscribe(['cpu'], (s) => void got.push(s));
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(Object.keys(got[0] ?? {})).toEqual(['t', 'mono', 'cpu']);
        void poller.close().then(resolve);
      }, 20),
    );
  });

  it('reports a throwing subscriber and goes on with the others', async () => {
    const errors: unknown[] = [];
    const poller = createReplayPoller({
      samples: [sample(1), sample(2)],
      speed: 1000,
      onError: (e) => errors.push(e),
    });
    poller.subscribe(['host'], () => {
      throw new Error('bad view');
    });
    const ts: number[] = [];
    for await (const s of poller.samples(['host'])) ts.push(s.t);
    expect(ts).toEqual([1, 2]);
    expect(errors).toHaveLength(2);
  });

  it('ends its iterator after the last sample', async () => {
    const poller = createReplayPoller({ samples: [sample(1), sample(2)], speed: 1000 });
    const ts: number[] = [];
    for await (const s of poller.samples(['host'])) ts.push(s.t);
    expect(ts).toEqual([1, 2]);
  });

  it('holds while paused, goes on one step later, and re-times the wait at a new speed', () => {
    const timers = new Map<number, { fn: () => void; ms: number }>();
    let id = 0;
    const poller = createReplayPoller({
      samples: [sample(1000), sample(2000), sample(4000)],
      speed: 1,
      setTimer: (fn, ms) => (timers.set(++id, { fn, ms }), id),
      clearTimer: (h) => void timers.delete(h as number),
    });
    const fire = (): number | undefined => {
      const [key, next] = [...timers.entries()][0] ?? [];
      if (key === undefined || next === undefined) return undefined;
      timers.delete(key);
      next.fn();
      return next.ms;
    };
    const seen: number[] = [];
    poller.pause();
    poller.subscribe(['host'], (s) => void seen.push(s.t));
    expect(timers.size).toBe(0); // held before the first sample
    poller.resume();
    expect(fire()).toBe(0);
    expect(seen).toEqual([1000]);
    expect([...timers.values()].map((t) => t.ms)).toEqual([1000]);
    poller.setSpeed(4);
    expect([...timers.values()].map((t) => t.ms)).toEqual([250]);
    poller.pause();
    expect(timers.size).toBe(0);
    expect(poller.paused).toBe(true);
    poller.resume();
    expect(fire()).toBe(250);
    expect(fire()).toBe(500);
    expect(seen).toEqual([1000, 2000, 4000]);
    expect(poller.speed).toBe(4);
    expect(() => poller.setSpeed(-1)).toThrow(/speed: expected a number above 0/);
  });
});
