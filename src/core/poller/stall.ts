/**
 * A stalled read: a sample that has not returned long after it was due. On Linux a driver's sysfs
 * file can block a read for seconds or for good (issue #17); the poller never starts a second read
 * meanwhile, so without this the newest sample would silently grow old. Consumers that show "now"
 * (serve's /healthz, /metrics and /api/snapshot) ask `stalledRead` and mark the sections.
 */
import { fail } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import type { SectionName } from '../../shared/sections';
import type { Poller } from './types';

/**
 * A read is stalled once it has taken this long, or three intervals when that is longer: a full
 * sample takes milliseconds (README, Performance), so 5 s is far outside any honest read while
 * short enough for a health check to notice within one Prometheus scrape interval.
 */
export const STALL_MIN_MS = 5_000;

export interface StalledRead {
  readonly sections: readonly SectionName[];
  readonly forMs: number;
}

export function stallThresholdMs(intervalMs: number): number {
  return Math.max(STALL_MIN_MS, 3 * intervalMs);
}

/** The poller's read in progress when it has run past the stall threshold, else undefined. */
export function stalledRead(poller: Poller, now: number = Date.now()): StalledRead | undefined {
  const reading = poller.inFlight();
  if (reading === undefined) return undefined;
  const forMs = now - reading.startedAt;
  return forMs >= stallThresholdMs(poller.intervalMs) ? { sections: reading.sections, forMs } : undefined;
}

/** "processes, thermal: the read has not returned for 12 s" */
export function describeStall(stall: StalledRead): string {
  return `${stall.sections.join(', ')}: the read has not returned for ${Math.floor(stall.forMs / 1000)} s`;
}

/** `sample` with every stalled section replaced by a `failed` error saying so. */
export function markStalled(sample: Sample, stall: StalledRead): Sample {
  const message = `stalled: the read has not returned for ${Math.floor(stall.forMs / 1000)} s`;
  const marked: Record<string, unknown> = { ...sample };
  for (const name of stall.sections) marked[name] = fail('failed', message);
  return marked as unknown as Sample;
}

/**
 * Closes `poller`, waiting at most `ms` for a read in flight. False when the read is still running
 * then: the poller is closed for its consumers, and the stuck read is left behind.
 */
export async function closeWithin(poller: Poller, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const closed = await Promise.race([
    poller.close().then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return closed;
}
