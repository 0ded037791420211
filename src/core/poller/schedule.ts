/**
 * The poller's timing rules, as pure functions: per-section intervals, the tick grid, which sections
 * are due, and when a gap between ticks means the machine slept.
 */
import type { SectionName } from '../../shared/sections';
import type { Sample } from '../../shared/sample';

/**
 * Per-section defaults (issue 5): the process table is the most expensive read (one /proc or
 * proc_pidinfo call per process) and changes slowly, disk capacity changes slower still, and the host
 * section (OS version, model, boot time) is almost constant. Every other section follows the base
 * interval.
 */
export const DEFAULT_SECTION_INTERVALS_MS: Readonly<Partial<Record<SectionName, number>>> = Object.freeze({
  processes: 2_000,
  disks: 10_000,
  host: 60_000,
});

/** A section cannot be read faster than the poller ticks, so its interval is at least the base one. */
export function sectionIntervalMs(
  section: SectionName,
  baseMs: number,
  overrides: Readonly<Partial<Record<SectionName, number>>>,
): number {
  return Math.max(baseMs, overrides[section] ?? DEFAULT_SECTION_INTERVALS_MS[section] ?? baseMs);
}

/**
 * The next tick on the grid of multiples of `intervalMs` (epoch-aligned), strictly after `now`.
 * Computing it from the current time, not from the previous target, keeps ticks on the grid whatever
 * happened in between: a late timer, a slow sample (ticks are skipped, never queued) or a wall clock
 * stepped by NTP in either direction. The delay is always in (0, intervalMs].
 */
export function nextGridTime(now: number, intervalMs: number): number {
  return (Math.floor(now / intervalMs) + 1) * intervalMs;
}

/**
 * Whether a section last read at `lastAt` is due at tick time `now`. Half a base interval of slack
 * absorbs timer jitter: without it a 2 s section on a 1 s grid read at 0 ms and due at 2 000 ms
 * would wait until 3 000 ms when the tick fires at 1 999 ms. A clock that went backwards makes the
 * section due rather than silent for the length of the step.
 */
export function isDue(lastAt: number | undefined, now: number, sectionMs: number, baseMs: number): boolean {
  if (lastAt === undefined) return true;
  const elapsed = now - lastAt;
  return elapsed < 0 || elapsed >= sectionMs - baseMs / 2;
}

/**
 * A gap this long between two ticks is a system sleep (or a process stopped with SIGSTOP), not load.
 * Under load a timer runs late by a few intervals at most (GC pauses, a slow sample that skips ticks);
 * ten intervals and at least 15 s is far beyond that, and far shorter than any real sleep, whose first
 * interval would otherwise average counters over a time the OS partly did not count (Linux
 * CLOCK_MONOTONIC stops in suspend, the wall clock does not).
 */
export function defaultSleepThresholdMs(intervalMs: number): number {
  return Math.max(10 * intervalMs, 15_000);
}

/** The gap between two readings, by whichever clock saw more time pass (wall ms, monotonic ns). */
export function gapMs(
  prev: { readonly t: number; readonly mono: number },
  cur: { readonly t: number; readonly mono: number },
): number {
  return Math.max(cur.t - prev.t, (cur.mono - prev.mono) / 1e6);
}

/** A sample restricted to the given sections (clock fields always kept). */
export function pickSections(sample: Sample, sections: ReadonlySet<SectionName>): Sample {
  const out: Record<string, unknown> = { t: sample.t, mono: sample.mono };
  if (sample.intervalMs !== undefined) out['intervalMs'] = sample.intervalMs;
  for (const name of sections) {
    const section = sample[name];
    if (section !== undefined) out[name] = section;
  }
  return out as unknown as Sample;
}
