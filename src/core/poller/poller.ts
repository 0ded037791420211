/**
 * The poller: reads a SnapshotSource on a fixed grid, derives samples and hands them to consumers.
 *
 * - Demand-driven: only the union of the sections subscribers ask for is read, each at its own
 *   interval; a section not due on a tick is carried from its last value. With no subscriber the
 *   poller idles with no timer.
 * - Never two reads in flight: the next tick is scheduled only after the current one finished; ticks
 *   that pass meanwhile are skipped, and the grid (multiples of intervalMs) keeps them from drifting.
 * - A gap far beyond the interval (system sleep) discards the interval: that tick becomes a new
 *   baseline without rates instead of a spike.
 * - Cancellation (signal or close()): no timer or pending promise remains once close() resolves, and
 *   the source is closed when the poller owns it.
 */
import type { RawSnapshot } from '../../shared/raw';
import type { Sample } from '../../shared/sample';
import { isSectionName, SECTIONS, type SectionName } from '../../shared/sections';
import {
  checkInterval,
  checkSections,
  type InFlightRead,
  type Poller,
  type PollerErrorKind,
  type PollerOptions,
  type SubscribeOptions,
} from './types';
import { derive as defaultDerive } from '../derive';
import { deriveFresh, type DeriveFn } from './derive-step';
import { defaultSleepThresholdMs, gapMs, isDue, nextGridTime, sectionIntervalMs } from './schedule';
import { SampleIterator, Subscriber, type SampleCallback } from './subscriber';

export type { DeriveFn } from './derive-step';
export type { InFlightRead, Poller, PollerErrorKind, PollerOptions, SubscribeOptions } from './types';
export type { SampleCallback } from './subscriber';
export { DEFAULT_SECTION_INTERVALS_MS } from './schedule';

interface SectionState {
  /** The snapshot the section was last read in: the `prev` for its next rates. */
  readonly raw: RawSnapshot;
  /** Tick time (options.now) of that read. */
  readonly at: number;
  readonly derived: Sample[SectionName];
}

class PollerImpl implements Poller {
  private interval: number;
  private readonly sectionIntervals: Readonly<Partial<Record<SectionName, number>>>;
  private readonly now: () => number;
  private readonly derive: DeriveFn;
  private readonly sleepMs: number | undefined;
  private readonly subscribers = new Set<Subscriber>();
  private readonly iterators = new Set<SampleIterator>();
  private readonly state = new Map<SectionName, SectionState>();
  private lastTick: { readonly at: number; readonly t: number; readonly mono: number } | undefined;
  private latestSample: Sample | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private reading: InFlightRead | undefined;
  private closing: Promise<void> | undefined;
  private readonly onAbort = (): void => void this.close();

  constructor(private readonly options: PollerOptions) {
    this.interval = checkInterval('intervalMs', options.intervalMs);
    for (const [name, ms] of Object.entries(options.sectionIntervalsMs ?? {})) {
      if (!isSectionName(name)) throw new RangeError(`sectionIntervalsMs: unknown section "${name}"`);
      checkInterval(`sectionIntervalsMs.${name}`, ms);
    }
    if (options.sleepThresholdMs !== undefined) checkInterval('sleepThresholdMs', options.sleepThresholdMs);
    if (options.derive !== undefined && typeof options.derive !== 'function') {
      throw new TypeError('derive: expected a function');
    }
    this.derive = options.derive ?? defaultDerive;
    this.sectionIntervals = options.sectionIntervalsMs ?? {};
    this.now = options.now ?? Date.now;
    this.sleepMs = options.sleepThresholdMs;
    if (options.signal?.aborted) void this.close();
    else options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get intervalMs(): number {
    return this.interval;
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  subscribe(sections: readonly SectionName[], cb: SampleCallback, options?: SubscribeOptions): () => void {
    checkSections(sections);
    if (typeof cb !== 'function') throw new TypeError('cb: expected a function');
    if (this.closed || options?.signal?.aborted) return () => undefined;
    const sub = new Subscriber(sections, cb, (error) => this.report(error, 'subscriber'));
    const signal = options?.signal;
    const unsubscribe = (): void => {
      signal?.removeEventListener('abort', unsubscribe);
      sub.close();
      if (this.subscribers.delete(sub) && this.subscribers.size === 0) this.idle();
    };
    signal?.addEventListener('abort', unsubscribe, { once: true });
    this.subscribers.add(sub);
    this.start();
    return unsubscribe;
  }

  samples(sections: readonly SectionName[], options?: SubscribeOptions): AsyncIterableIterator<Sample> {
    checkSections(sections);
    let unsubscribe = (): void => undefined;
    const signal = options?.signal;
    const onAbort = (): void => iterator.finish();
    const iterator = new SampleIterator(() => {
      signal?.removeEventListener('abort', onAbort);
      this.iterators.delete(iterator);
      unsubscribe();
    });
    if (this.closed || signal?.aborted) {
      iterator.finish();
      return iterator;
    }
    this.iterators.add(iterator);
    unsubscribe = this.subscribe(sections, (sample) => iterator.push(sample));
    signal?.addEventListener('abort', onAbort, { once: true });
    return iterator;
  }

  latest(): Sample | undefined {
    return this.latestSample;
  }

  inFlight(): InFlightRead | undefined {
    return this.reading;
  }

  demand(): readonly SectionName[] {
    const wanted = new Set<SectionName>();
    for (const sub of this.subscribers) for (const name of sub.sections) wanted.add(name);
    return SECTIONS.filter((name) => wanted.has(name));
  }

  setIntervalMs(intervalMs: number): void {
    this.interval = checkInterval('intervalMs', intervalMs);
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.schedule();
    }
  }

  /** `await using poller = createPoller(...)` closes it at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  close(): Promise<void> {
    if (this.closing !== undefined) return this.closing;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const sub of this.subscribers) sub.close();
    this.subscribers.clear();
    for (const iterator of [...this.iterators]) iterator.finish();
    const inFlight = this.running;
    this.closing = (async () => {
      // A native read may still be running on a worker thread: release the source only after it.
      if (inFlight !== undefined) await inFlight;
      if (this.options.ownsSource === true) {
        try {
          await this.options.source.close();
        } catch (error) {
          this.report(error, 'close');
        }
      }
    })();
    return this.closing;
  }

  private report(error: unknown, kind: PollerErrorKind): void {
    const onError = this.options.onError;
    if (onError === undefined) {
      console.error(`poller: ${kind} error:`, error);
      return;
    }
    try {
      onError(error, kind);
    } catch (hookError) {
      console.error('poller: onError threw:', hookError);
    }
  }

  private start(): void {
    if (this.timer === undefined && this.running === undefined && !this.closed) {
      this.timer = setTimeout(() => this.run(), 0);
    }
  }

  private idle(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    // Rates across an idle stretch would average over a time nobody watched: start over.
    this.state.clear();
    this.lastTick = undefined;
    this.latestSample = undefined;
  }

  private schedule(): void {
    if (this.closed || this.subscribers.size === 0) return;
    const now = this.now();
    this.timer = setTimeout(() => this.run(), nextGridTime(now, this.interval) - now);
  }

  private run(): void {
    this.timer = undefined;
    this.running = this.tick().finally(() => {
      this.running = undefined;
      this.schedule();
    });
  }

  private async tick(): Promise<void> {
    const demand = this.demand();
    for (const name of this.state.keys()) if (!demand.includes(name)) this.state.delete(name);
    if (demand.length === 0) return;
    const at = this.now();
    const sleepMs = this.sleepMs ?? defaultSleepThresholdMs(this.interval);
    // The wall clock counts a suspend on every OS; the timer fired late by the length of the sleep.
    let slept = this.lastTick !== undefined && at - this.lastTick.at > sleepMs;
    if (slept) this.state.clear();
    const due = demand.filter((name) =>
      isDue(
        this.state.get(name)?.at,
        at,
        sectionIntervalMs(name, this.interval, this.sectionIntervals),
        this.interval,
      ),
    );
    if (due.length === 0) return;
    let raw: RawSnapshot;
    this.reading = { sections: due, startedAt: this.now() };
    try {
      raw = await this.options.source.sample(due);
    } catch (error) {
      if (!this.closed) this.report(error, 'sample');
      return;
    } finally {
      this.reading = undefined;
    }
    if (this.closed) return;
    // A continuous monotonic clock (macOS) also shows a sleep the scheduling clock may have missed.
    if (!slept && this.lastTick !== undefined && gapMs(this.lastTick, raw) > sleepMs) {
      slept = true;
      this.state.clear();
    }
    const fresh = deriveFresh(
      this.derive,
      raw,
      due,
      (name) => (slept ? undefined : this.state.get(name)?.raw),
      (error) => this.report(error, 'derive'),
    );
    for (const name of due) this.state.set(name, { raw, at, derived: fresh.sections[name] });
    const merged: Record<string, unknown> = { t: raw.t, mono: raw.mono };
    if (fresh.intervalMs !== undefined) merged['intervalMs'] = fresh.intervalMs;
    for (const name of demand) {
      const section = this.state.get(name)?.derived;
      if (section !== undefined) merged[name] = section;
    }
    const sample = merged as unknown as Sample;
    this.latestSample = sample;
    this.lastTick = { at, t: raw.t, mono: raw.mono };
    for (const sub of [...this.subscribers]) sub.offer(sample);
  }
}

/** Creates a poller; it starts reading when the first consumer subscribes. */
export function createPoller(options: PollerOptions): Poller {
  if (typeof options !== 'object' || options === null) throw new TypeError('options: expected an object');
  if (typeof options.source?.sample !== 'function') throw new TypeError('source: expected a SnapshotSource');
  return new PollerImpl(options);
}
