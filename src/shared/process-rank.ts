/**
 * The busiest processes: one ranking for the popover, the terminal view and the exporters, so a
 * process is "top" by the same rule everywhere.
 */
import type { ProcessSample } from './sample';

/** The top `limit` processes by CPU share, then resident memory, then pid (a stable order). */
export function topProcesses(processes: readonly ProcessSample[], limit: number): ProcessSample[] {
  return [...processes]
    .sort((a, b) => (b.cpuPercent ?? -1) - (a.cpuPercent ?? -1) || b.rssBytes - a.rssBytes || a.pid - b.pid)
    .slice(0, limit);
}
