/**
 * The busiest processes by one measure, for the popover's top list: CPU, memory, energy (power W),
 * disk (read + write bytes/s) or GPU. By CPU it is the catalogue's one selection (busiestProcesses,
 * which history and every exporter use); by the others, processes without the measure rank last and
 * ties keep the lower pid first, so two views of the same sample agree.
 */
import { busiestProcesses } from './catalogue';
import type { ProcessSample } from './sample';
import type { SectionName } from './sections';

export const PROCESS_RANKS = ['cpu', 'memory', 'energy', 'disk', 'gpu'] as const;
export type ProcessRank = (typeof PROCESS_RANKS)[number];

export const PROCESS_RANK_LABELS: Readonly<Record<ProcessRank, string>> = {
  cpu: 'CPU',
  memory: 'Memory',
  energy: 'Energy',
  disk: 'Disk',
  gpu: 'GPU',
};

/**
 * Sections a ranking needs beyond the process table: disk bytes come from processIo, GPU share
 * from processGpu; Linux's power estimate shares the RAPL package power (rails) by CPU time (cpu).
 */
export const PROCESS_RANK_SECTIONS: Readonly<Record<ProcessRank, readonly SectionName[]>> = {
  cpu: [],
  memory: [],
  energy: ['cpu', 'rails'],
  disk: ['processIo'],
  gpu: ['processGpu'],
};

export function isProcessRank(value: unknown): value is ProcessRank {
  return typeof value === 'string' && (PROCESS_RANKS as readonly string[]).includes(value);
}

/** The value a process is ranked by, undefined when it was not measured. */
export function rankValue(p: ProcessSample, by: ProcessRank): number | undefined {
  switch (by) {
    case 'cpu':
      return p.cpuPercent;
    case 'memory':
      return Number.isFinite(p.rssBytes) ? p.rssBytes : undefined;
    case 'energy':
      return p.powerW;
    case 'disk':
      return p.diskReadBytesPerSec === undefined && p.diskWriteBytesPerSec === undefined
        ? undefined
        : (p.diskReadBytesPerSec ?? 0) + (p.diskWriteBytesPerSec ?? 0);
    case 'gpu':
      return p.gpuPercent;
  }
}

/** The `count` highest by `by`. Throws a RangeError naming a bad argument. */
export function topProcessesBy(
  processes: readonly ProcessSample[],
  by: ProcessRank,
  count: number,
): ProcessSample[] {
  if (!isProcessRank(by)) throw new RangeError(`by: expected one of ${PROCESS_RANKS.join(', ')}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count: expected a whole number ≥ 0');
  if (by === 'cpu') return busiestProcesses(processes, count);
  const keyed = processes.map((p) => ({ p, v: rankValue(p, by) }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined)
      return a.v === b.v ? a.p.pid - b.p.pid : a.v === undefined ? 1 : -1;
    return b.v - a.v || a.p.pid - b.p.pid;
  });
  return keyed.slice(0, count).map((k) => k.p);
}
