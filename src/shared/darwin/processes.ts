/**
 * macOS process columns the native side leaves raw (native/src/darwin/processes.cc): CPU times in
 * Mach absolute-time ticks, and the BSD status. Both are interpreted here.
 */

/** What converts Mach absolute-time ticks to ns, as the native side reads it. */
export interface MachTimebase {
  /** mach_timebase_info: ns = ticks × numer / denom. 125/3 on Apple Silicon, 1/1 on Intel. */
  readonly numer: number;
  readonly denom: number;
  /** sysctl hw.tbfrequency: ticks per second of the hardware timebase (24 MHz on Apple Silicon). */
  readonly tbFrequencyHz?: number;
  /** sysctl.proc_translated: this process runs under Rosetta 2. */
  readonly translated: boolean;
}

/**
 * Nanoseconds per tick of proc_pid_rusage / PROC_PIDTASKINFO CPU times. Under Rosetta,
 * mach_timebase_info answers 1/1 (as on Intel) while those counters still count the native 24 MHz
 * ticks, which made CPU time 125/3 ≈ 41.67× too low (htop #765 and #813; psutil PR #2728).
 * hw.tbfrequency gives the hardware rate in every case (1 GHz on Intel, 24 MHz on Apple Silicon,
 * also under Rosetta: psutil PR #2728), so it is preferred; mach_timebase_info is the fallback
 * for a native process only. Undefined when neither can be trusted: times are then unknown, never
 * 41.67× off.
 */
export function machTickNs(tb: MachTimebase | undefined): number | undefined {
  if (!tb) return undefined;
  const hz = tb.tbFrequencyHz;
  // hw.tbfrequency is a whole number of Hz (24,000,000 or 1,000,000,000); below 1 Hz it is garbage.
  if (hz !== undefined && Number.isFinite(hz) && hz >= 1) return 1e9 / hz;
  // mach_timebase_info's numer and denom are uint32s; 0 means the call failed.
  const whole = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 0xffffffff;
  if (tb.translated || !whole(tb.numer) || !whole(tb.denom)) return undefined;
  return tb.numer / tb.denom;
}

/** pbi_status values (xnu bsd/sys/proc.h). */
export const SIDL = 1;
export const SRUN = 2;
export const SSLEEP = 3;
export const SSTOP = 4;
export const SZOMB = 5;

const CHAR = (c: string): number => c.charCodeAt(0);

/**
 * One-letter state (RawProcesses.state) from pbi_status and pti_numrunning (−1 = unreadable).
 * pbi_status is SRUN for nearly every live process, sleeping or not (psutil #2675, htop #1611):
 * with task info, a process with a running thread is 'R', else 'S'; without it the state is
 * unknown ('?'), not 'R'. Stopped, zombie and idle (being created) come from pbi_status.
 */
export function darwinProcessState(status: number, runningThreads: number): number {
  switch (status) {
    case SRUN:
      if (runningThreads > 0) return CHAR('R');
      return runningThreads === 0 ? CHAR('S') : CHAR('?');
    case SSLEEP:
      return CHAR('S');
    case SSTOP:
      return CHAR('T');
    case SZOMB:
      return CHAR('Z');
    case SIDL:
      return CHAR('I');
    default:
      return CHAR('?');
  }
}
