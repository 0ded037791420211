/** The poller's public types and argument checks. */
import type { SectionName } from '../../shared/sections';
import { isSectionName, SECTIONS } from '../../shared/sections';
import type { Sample } from '../../shared/sample';
import type { DeriveFn } from './derive-step';
import type { SampleCallback } from './subscriber';
import type { SnapshotSource } from '../native';

/** Where a reported error came from. */
export type PollerErrorKind = 'sample' | 'derive' | 'subscriber' | 'close';

export interface PollerOptions {
  readonly source: SnapshotSource;
  /** Base tick interval, ms. */
  readonly intervalMs: number;
  /** Per-section intervals, ms (defaults: DEFAULT_SECTION_INTERVALS_MS); never below intervalMs. */
  readonly sectionIntervalsMs?: Readonly<Partial<Record<SectionName, number>>>;
  /** Close the source when the poller closes. */
  readonly ownsSource?: boolean;
  readonly signal?: AbortSignal;
  /** Turns two raw snapshots into a sample (default: core/derive; tests inject their own). */
  readonly derive?: DeriveFn;
  /** Wall clock in ms for the tick grid and sleep detection (default Date.now). */
  readonly now?: () => number;
  /** A gap between ticks longer than this is treated as a sleep (default: defaultSleepThresholdMs). */
  readonly sleepThresholdMs?: number;
  /** Receives errors of reads, derive, subscribers and closing (default: console.error). */
  readonly onError?: (error: unknown, kind: PollerErrorKind) => void;
}

export interface SubscribeOptions {
  /** Unsubscribes on abort (an iterator finishes). */
  readonly signal?: AbortSignal;
}

/** The read a poller is waiting for: which sections, since when (on the poller's `now` clock). */
export interface InFlightRead {
  readonly sections: readonly SectionName[];
  readonly startedAt: number;
}

export interface Poller {
  /** Calls cb with every sample (restricted to `sections`); returns the unsubscribe function. */
  subscribe(sections: readonly SectionName[], cb: SampleCallback, options?: SubscribeOptions): () => void;
  /** The same as an async iterator; `break` or the signal ends it. */
  samples(sections: readonly SectionName[], options?: SubscribeOptions): AsyncIterableIterator<Sample>;
  /** The newest sample with every demanded section, or undefined before the first tick. */
  latest(): Sample | undefined;
  /** The read in progress, if any: how a stalled read is seen (core/poller-stall.ts). */
  inFlight(): InFlightRead | undefined;
  /** The union of the sections subscribers ask for, in SECTIONS order. */
  demand(): readonly SectionName[];
  /** Changes the base interval; the next tick moves to the new grid. */
  setIntervalMs(intervalMs: number): void;
  readonly intervalMs: number;
  readonly closed: boolean;
  /** Stops ticking, ends subscriptions and iterators; resolves once no read is in flight. */
  close(): Promise<void>;
  /** The same as close(), for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** Throws a RangeError naming the argument unless value is a positive finite number of ms. */
export function checkInterval(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name}: expected a positive number of milliseconds, got ${String(value)}`);
  }
  return value;
}

export function checkSections(sections: unknown): readonly SectionName[] {
  if (!Array.isArray(sections) || sections.length === 0) {
    throw new RangeError(`sections: expected a non-empty array of section names (${SECTIONS.join(', ')})`);
  }
  for (const name of sections) {
    if (!isSectionName(name)) throw new RangeError(`sections: unknown section "${String(name)}"`);
  }
  return sections as readonly SectionName[];
}
