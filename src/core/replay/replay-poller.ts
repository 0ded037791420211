/**
 * A Poller over a recording: hands the recorded samples to subscribers at their recorded pace
 * divided by `speed`, so the history, alerts, exports and views downstream run exactly as they do
 * on a live poller. The clock of the replay is the time of the last sample handed out: history
 * queries end there, not at today's wall clock. After the last sample the replay holds still.
 */
import type { Sample } from '../../shared/sample';
import { SECTIONS, type SectionName } from '../../shared/sections';
import type { Poller, SampleCallback, SubscribeOptions } from '../poller';

export interface ReplayPollerOptions {
  readonly samples: readonly Sample[];
  /** Playback speed, > 0 (1 = as recorded). */
  readonly speed: number;
  /** Timer, replaceable in tests. */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** A subscriber that throws is reported here (default console.error), and the replay goes on. */
  readonly onError?: (error: unknown) => void;
}

export interface ReplayPoller extends Poller {
  /** Time of the newest sample handed out (ms since the epoch), or of the first before the start. */
  clock(): number;
  /** True once the last sample was handed out. */
  readonly finished: boolean;
  /** Holds the replay where it is (no sample is handed out until resume). */
  pause(): void;
  /** Goes on from where it was held; the next sample comes one recorded step (at the speed) later. */
  resume(): void;
  readonly paused: boolean;
  /** Changes the speed (> 0); the sample being waited for comes at the new pace. */
  setSpeed(speed: number): void;
  readonly speed: number;
}

/** The sample limited to the sections asked for (what a live poller hands each subscriber). */
function only(sample: Sample, sections: ReadonlySet<SectionName>): Sample {
  const out: Record<string, unknown> = { t: sample.t, mono: sample.mono };
  if (sample.intervalMs !== undefined) out.intervalMs = sample.intervalMs;
  for (const name of SECTIONS) if (sections.has(name) && sample[name] !== undefined) out[name] = sample[name];
  return out as unknown as Sample;
}

export function createReplayPoller(options: ReplayPollerOptions): ReplayPoller {
  const { samples } = options;
  const checkSpeed = (value: number): number => {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`speed: expected a number above 0, got ${value}`);
    return value;
  };
  let speed = checkSpeed(options.speed);
  let paused = false;
  if (samples.length === 0) throw new RangeError('samples: a replay needs at least one sample');
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const onError = options.onError ?? ((error: unknown) => console.error('replay: subscriber error:', error));
  const subscribers = new Map<SampleCallback, ReadonlySet<SectionName>>();
  let next = 0;
  let latest: Sample | undefined;
  let timer: unknown;
  let closed = false;
  const wakers = new Set<() => void>();
  const steps = samples.slice(1).map((s, i) => s.t - samples[i]!.t);
  const medianStep = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 1000;

  const emit = (): void => {
    timer = undefined;
    if (closed || next >= samples.length) return;
    const sample = samples[next++]!;
    latest = sample;
    for (const [cb, sections] of [...subscribers]) {
      try {
        cb(only(sample, sections));
      } catch (error) {
        onError(error);
      }
    }
    if (next >= samples.length) for (const wake of wakers) wake();
    schedule();
  };
  /** Waits for the next sample: one recorded step at the current speed (none while held). */
  function schedule(): void {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    if (closed || paused || next >= samples.length) return;
    const gap = next === 0 || latest === undefined ? 0 : samples[next]!.t - latest.t;
    timer = setTimer(emit, gap / speed);
  }

  const poller: ReplayPoller = {
    subscribe(sections, cb, subscribeOptions?: SubscribeOptions) {
      if (closed) return () => undefined;
      subscribers.set(cb, new Set(sections));
      const stop = (): void => void subscribers.delete(cb);
      subscribeOptions?.signal?.addEventListener('abort', stop, { once: true });
      if (next === 0 && timer === undefined) schedule();
      return stop;
    },
    async *samples(sections, subscribeOptions) {
      const queue: Sample[] = [];
      let wake = (): void => undefined;
      const waker = (): void => wake();
      wakers.add(waker);
      subscribeOptions?.signal?.addEventListener('abort', waker, { once: true });
      const stop = poller.subscribe(sections, (s) => {
        queue.push(s);
        wake();
      });
      try {
        while (!closed && !subscribeOptions?.signal?.aborted) {
          const sample = queue.shift();
          if (sample !== undefined) yield sample;
          else if (next >= samples.length) return;
          else await new Promise<void>((r) => (wake = r));
        }
      } finally {
        stop();
        wakers.delete(waker);
      }
    },
    latest: () => latest,
    demand: () => SECTIONS.filter((name) => [...subscribers.values()].some((set) => set.has(name))),
    // The recording's own pace decides; a requested interval changes nothing in a replay.
    setIntervalMs: () => undefined,
    get intervalMs() {
      return medianStep / speed;
    },
    get closed() {
      return closed;
    },
    get finished() {
      return next >= samples.length;
    },
    clock: () => (latest ?? samples[0]!).t,
    pause() {
      paused = true;
      schedule();
    },
    resume() {
      paused = false;
      // Nobody listening yet: the first subscriber starts it, as before a pause.
      if (subscribers.size > 0 || next > 0) schedule();
    },
    get paused() {
      return paused;
    },
    setSpeed(value) {
      speed = checkSpeed(value);
      if (timer !== undefined) schedule();
    },
    get speed() {
      return speed;
    },
    // A recording is never read from a device, so no read is ever in flight or stalled.
    inFlight: () => undefined,
    [Symbol.asyncDispose]() {
      return poller.close();
    },
    async close() {
      closed = true;
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      subscribers.clear();
      for (const wake of wakers) wake();
    },
  };
  return poller;
}
