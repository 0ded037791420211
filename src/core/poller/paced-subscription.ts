/**
 * A poller subscription at a consumer's own pace: every stream client of `nmetrics serve` (WebSocket,
 * gRPC) shares the one poller and its sampling grid, and takes every k-th sample of it. The union of
 * the clients' sections is what the poller reads (its demand); a client's interval only thins what
 * it is sent, so ten clients at ten intervals still cost one read per tick.
 */
import type { Sample } from '../../shared/sample';
import type { SectionName } from '../../shared/sections';
import type { Poller, SampleCallback } from './poller';
import { isDue } from './schedule';

/**
 * The interval a client asking for `requestedMs` gets on a grid of `baseMs`: a whole number of ticks,
 * at least one. It rounds the way isDue decides (due once the elapsed time is within half a tick of
 * the interval), so 1 500 ms on a 1 s grid is 1 s and 1 600 ms is 2 s.
 */
export function pacedIntervalMs(requestedMs: number, baseMs: number): number {
  return Math.max(1, Math.ceil(requestedMs / baseMs - 0.5)) * baseMs;
}

/**
 * Subscribes `deliver` to the poller's samples of `sections`, passing on a sample only when
 * `pacedIntervalMs(intervalMs)` has passed (by the samples' own clock) since the last one it passed on. `deliver` may
 * return a promise (a socket write): until it settles, newer samples replace the waiting one in the
 * poller's one-slot mailbox (drop-oldest), so a slow client holds at most one sample.
 */
export function subscribePaced(
  poller: Pick<Poller, 'subscribe' | 'intervalMs'>,
  sections: readonly SectionName[],
  intervalMs: number,
  deliver: SampleCallback,
): () => void {
  let lastT: number | undefined;
  return poller.subscribe(sections, (sample: Sample) => {
    // Judged against the whole number of ticks, so that timer jitter either way cannot move a
    // sample across the threshold (a raw 1 500 ms on a 1 s grid would sit exactly on it).
    const base = poller.intervalMs;
    if (!isDue(lastT, sample.t, pacedIntervalMs(intervalMs, base), base)) return;
    lastT = sample.t;
    return deliver(sample);
  });
}
