// The popover's ranking of the busiest processes by one measure.
import { describe, expect, it } from 'vitest';
import {
  PROCESS_RANK_SECTIONS,
  PROCESS_RANKS,
  rankValue,
  topProcessesBy,
} from '../../src/shared/process-rank';
import type { ProcessSample } from '../../src/shared/sample';

const p = (pid: number, extra: Partial<ProcessSample>): ProcessSample =>
  ({ pid, ppid: 1, name: `p${pid}`, rssBytes: 1000 * pid, startTimeMs: 0, ...extra }) as ProcessSample;

const table = [
  p(1, { cpuPercent: 5, powerW: 1, gpuPercent: 10 }),
  p(2, { cpuPercent: 50, diskReadBytesPerSec: 10 }),
  p(3, { cpuPercent: 5, diskWriteBytesPerSec: 500, powerW: 3 }),
  p(4, {}),
];

describe('topProcessesBy', () => {
  it.each([
    // By CPU it is the catalogue's busiestProcesses: ties go to the larger memory, then the lower pid.
    ['cpu', [2, 3, 1, 4]],
    ['memory', [4, 3, 2, 1]],
    ['energy', [3, 1, 2, 4]],
    ['disk', [3, 2, 1, 4]],
    ['gpu', [1, 2, 3, 4]],
  ] as const)('by %s', (by, pids) => {
    expect(topProcessesBy(table, by, 4).map((x) => x.pid)).toEqual(pids);
  });
  it('keeps ties and unmeasured processes in pid order and cuts at count', () => {
    expect(topProcessesBy(table, 'cpu', 2).map((x) => x.pid)).toEqual([2, 3]);
    expect(
      topProcessesBy(table, 'gpu', 4)
        .slice(1)
        .map((x) => x.pid),
    ).toEqual([2, 3, 4]);
  });
  it('rejects bad arguments by name', () => {
    expect(() => topProcessesBy(table, 'watts' as never, 1)).toThrow(/by:/);
    expect(() => topProcessesBy(table, 'cpu', -1)).toThrow(/count:/);
  });
  it('reads disk as read plus written, and nothing where neither was measured', () => {
    expect(rankValue(p(9, { diskReadBytesPerSec: 1, diskWriteBytesPerSec: 2 }), 'disk')).toBe(3);
    expect(rankValue(p(9, {}), 'disk')).toBeUndefined();
  });
  it('names the sections each ranking needs', () => {
    expect(Object.keys(PROCESS_RANK_SECTIONS)).toEqual([...PROCESS_RANKS]);
    expect(PROCESS_RANK_SECTIONS.disk).toEqual(['processIo']);
    expect(PROCESS_RANK_SECTIONS.gpu).toEqual(['processGpu']);
  });
});
