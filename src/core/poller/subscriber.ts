/**
 * One consumer of the poller, with a one-slot mailbox: while its callback is still busy with a sample
 * (an async callback whose promise has not settled), newer samples replace the waiting one
 * (drop-oldest), so a slow consumer always gets the newest sample next and never holds up the poller
 * or the other consumers. A throwing or rejecting callback is reported and stays subscribed.
 */
import type { Sample } from '../../shared/sample';
import type { SectionName } from '../../shared/sections';
import { pickSections } from './schedule';

export type SampleCallback = (sample: Sample) => void | Promise<void>;

export class Subscriber {
  readonly sections: ReadonlySet<SectionName>;
  /** Samples replaced in the mailbox before the callback could take them. */
  dropped = 0;
  private busy = false;
  private pending: Sample | undefined;
  private closed = false;

  constructor(
    sections: readonly SectionName[],
    private readonly callback: SampleCallback,
    private readonly report: (error: unknown) => void,
  ) {
    this.sections = new Set(sections);
  }

  offer(sample: Sample): void {
    if (this.closed) return;
    if (this.busy) {
      if (this.pending !== undefined) this.dropped += 1;
      this.pending = sample;
      return;
    }
    this.run(sample);
  }

  close(): void {
    this.closed = true;
    this.pending = undefined;
  }

  private run(sample: Sample): void {
    let result: void | Promise<void>;
    try {
      result = this.callback(pickSections(sample, this.sections));
    } catch (error) {
      this.report(error);
      return;
    }
    if (result === undefined || typeof (result as { then?: unknown }).then !== 'function') return;
    this.busy = true;
    result.then(
      () => this.settle(),
      (error: unknown) => {
        this.report(error);
        this.settle();
      },
    );
  }

  private settle(): void {
    this.busy = false;
    const next = this.pending;
    this.pending = undefined;
    if (next !== undefined && !this.closed) this.run(next);
  }
}

/**
 * An async iterator over samples with its own one-slot buffer (drop-oldest): a `for await` loop that
 * takes longer than an interval sees the newest sample when it comes back, not a backlog.
 */
export class SampleIterator implements AsyncIterableIterator<Sample> {
  private buffered: Sample | undefined;
  private waiter: ((result: IteratorResult<Sample>) => void) | undefined;
  private done = false;

  constructor(private readonly unsubscribe: () => void) {}

  push(sample: Sample): void {
    if (this.done) return;
    const waiter = this.waiter;
    if (waiter !== undefined) {
      this.waiter = undefined;
      waiter({ value: sample, done: false });
    } else {
      this.buffered = sample;
    }
  }

  /** Ends the iteration: a pending next() resolves as done, later ones too. */
  finish(): void {
    if (this.done) return;
    this.done = true;
    this.buffered = undefined;
    this.unsubscribe();
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<Sample>> {
    const sample = this.buffered;
    if (sample !== undefined) {
      this.buffered = undefined;
      return Promise.resolve({ value: sample, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    if (this.waiter !== undefined) {
      return Promise.reject(new Error('SampleIterator: next() called again before the previous one settled'));
    }
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  return(): Promise<IteratorResult<Sample>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Sample> {
    return this;
  }
}
