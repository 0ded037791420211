/**
 * The one answer to "which processes are the busiest" (issue 11): history, alerts, CSV, /metrics
 * and InfluxDB all list the same processes in the same order.
 */
import type { ProcessSample } from '../sample';

/**
 * Busiest first: higher CPU share, then (for equal or unknown CPU, as on the first sample, which
 * has no rates) more resident memory, then the lower pid, so the order never depends on the order
 * the OS listed the processes in.
 */
export function compareBusiest(a: ProcessSample, b: ProcessSample): number {
  const ca = a.cpuPercent ?? -1;
  const cb = b.cpuPercent ?? -1;
  if (ca !== cb) return cb - ca;
  if (a.rssBytes !== b.rssBytes) return b.rssBytes - a.rssBytes;
  return a.pid - b.pid;
}

/** The `limit` busiest processes, busiest first. Keeps a sorted window: O(n·limit), no full sort. */
export function busiestProcesses(processes: readonly ProcessSample[], limit: number): ProcessSample[] {
  const top: ProcessSample[] = [];
  if (!(limit > 0)) return top;
  let floor = -Infinity; // CPU share of the last kept process once the window is full
  for (const p of processes) {
    const cpu = p.cpuPercent ?? -1;
    // Most processes are below the window: one number compared, no call.
    if (cpu < floor) continue;
    const last = top[top.length - 1];
    if (top.length === limit && last !== undefined && compareBusiest(p, last) >= 0) continue;
    let i = top.length;
    while (i > 0 && compareBusiest(p, top[i - 1]!) < 0) i--;
    top.splice(i, 0, p);
    if (top.length > limit) top.pop();
    if (top.length === limit) floor = top[limit - 1]?.cpuPercent ?? -1;
  }
  return top;
}
