/**
 * macOS process columns (issue 18, items 2 and 5): CPU times arrive in Mach absolute-time ticks and
 * the state as pbi_status; normalizeDarwin converts both.
 * - Under Rosetta mach_timebase_info says 1/1 while the counters tick at 24 MHz, 41.67× too slow
 *   (psutil PR #2728, htop #765/#813): hw.tbfrequency gives the real length of a tick.
 * - pbi_status is SRUN for nearly every live process (psutil #2675, htop #1611): pti_numrunning
 *   tells running from sleeping.
 */
import { describe, expect, it } from 'vitest';
import { normalizeDarwin } from '../../../src/core/darwin/normalize';
import type { NativeDarwinSnapshot } from '../../../src/core/darwin/native-types';
import {
  SIDL,
  SRUN,
  SSLEEP,
  SSTOP,
  SZOMB,
  darwinProcessState,
  machTickNs,
  type MachTimebase,
} from '../../../src/shared/darwin/processes';

const APPLE_NATIVE: MachTimebase = { numer: 125, denom: 3, tbFrequencyHz: 24e6, translated: false };
const ROSETTA: MachTimebase = { numer: 1, denom: 1, tbFrequencyHz: 24e6, translated: true };
const INTEL: MachTimebase = { numer: 1, denom: 1, tbFrequencyHz: 1e9, translated: false };

function native(tb: MachTimebase | undefined, ticks: number[], status: number[], running?: number[]) {
  const n = ticks.length;
  return {
    t: 1,
    mono: 1,
    processes: {
      ok: true,
      value: {
        count: n,
        pid: Int32Array.from(ticks, (_, i) => i + 1),
        ppid: new Int32Array(n),
        uid: new Int32Array(n),
        threads: new Int32Array(n).fill(1),
        startTimeMs: new Float64Array(n),
        cpuTimeNs: Float64Array.from(ticks),
        rssBytes: new Float64Array(n),
        virtualBytes: new Float64Array(n),
        diskReadBytes: new Float64Array(n),
        diskWriteBytes: new Float64Array(n),
        state: Uint8Array.from(status),
        kernelThread: new Uint8Array(n),
        name: ticks.map((_, i) => `p${i}`),
        path: ticks.map(() => ''),
        user: ticks.map(() => ''),
      },
    },
    darwin: {
      appleSilicon: true,
      ...(tb ? { machTimebase: tb } : {}),
      ...(running ? { processRunningThreads: Int32Array.from(running) } : {}),
    },
  } as unknown as NativeDarwinSnapshot;
}

const processes = (snap: NativeDarwinSnapshot) => {
  const p = normalizeDarwin(snap).processes;
  if (!p?.ok) throw new Error('processes failed');
  return p.value;
};

describe('process CPU time', () => {
  it('is the same 1 s of CPU natively, under Rosetta and on Intel', () => {
    expect(machTickNs(APPLE_NATIVE)).toBeCloseTo(125 / 3, 12);
    expect(machTickNs(ROSETTA)).toBeCloseTo(125 / 3, 12);
    expect(machTickNs(INTEL)).toBe(1);
    // 24e6 ticks of 24 MHz = 1 s.
    expect(processes(native(ROSETTA, [24e6], [SRUN], [1])).cpuTimeNs[0]).toBeCloseTo(1e9, 3);
    expect(processes(native(APPLE_NATIVE, [24e6], [SRUN], [1])).cpuTimeNs[0]).toBeCloseTo(1e9, 3);
    expect(processes(native(INTEL, [1e9], [SRUN], [1])).cpuTimeNs[0]).toBe(1e9);
  });

  it('falls back to mach_timebase_info natively, and is unknown rather than wrong otherwise', () => {
    expect(machTickNs({ numer: 125, denom: 3, translated: false })).toBeCloseTo(125 / 3, 12);
    expect(machTickNs({ numer: 1, denom: 1, translated: true })).toBeUndefined();
    expect(machTickNs(undefined)).toBeUndefined();
    expect(processes(native(undefined, [24e6], [SRUN], [1])).cpuTimeNs[0]).toBeNaN();
  });
});

describe('process state', () => {
  it('tells running from sleeping with pti_numrunning, and says unknown without task info', () => {
    const p = processes(
      native(
        APPLE_NATIVE,
        [1, 1, 1, 1, 1, 1, 1],
        [SRUN, SRUN, SRUN, SSLEEP, SSTOP, SZOMB, SIDL],
        [2, 0, -1, 0, 0, -1, 0],
      ),
    );
    expect(String.fromCharCode(...p.state)).toBe('RS?STZI');
    expect(String.fromCharCode(darwinProcessState(99, 1))).toBe('?');
  });

  it('is a section error when the running-thread column does not match the table', () => {
    const p = normalizeDarwin(native(APPLE_NATIVE, [1, 1], [SRUN, SRUN], [1])).processes;
    expect(p?.ok).toBe(false);
  });
});
