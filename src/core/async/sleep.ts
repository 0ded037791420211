/**
 * The one abortable sleep: node:timers/promises setTimeout with a signal
 * (https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options). Callers here
 * stop waiting when they are told to stop, which is not an error for them, so an abort resolves early
 * instead of rejecting with an AbortError.
 */
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves after ms, or as soon as the signal aborts (at once if it already has). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return;
  try {
    await delay(ms, undefined, signal === undefined ? {} : { signal });
  } catch (error) {
    if (signal?.aborted) return;
    throw error;
  }
}
