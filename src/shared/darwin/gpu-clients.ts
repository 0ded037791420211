/**
 * Per-process GPU time on macOS from the accelerator's user clients in the IORegistry. Every Metal
 * (or OpenGL) command queue opens a user client under the IOAccelerator; each carries
 * "IOUserClientCreator" = "pid 440, WindowServer" and, on Apple Silicon, "AppUsage", one entry per
 * API with "accumulatedGPUTime" in ns since the client opened; Intel and AMD drivers put
 * "accumulatedGPUTime" on the client itself. Activity Monitor's GPU Time column reads the same
 * counters (https://github.com/htop-dev/htop/pull/1855, https://github.com/wieslawsoltes/ActivityMonitor/pull/7).
 */
import type { RawGpuClient } from '../raw';

/** The creator string "pid 440, WindowServer" → 440; undefined when it names no pid. */
export function creatorPid(creator: unknown): number | undefined {
  if (typeof creator !== 'string') return undefined;
  const match = /^\s*pid (\d{1,10})\b/.exec(creator);
  if (!match) return undefined;
  const pid = Number(match[1]);
  return Number.isSafeInteger(pid) && pid >= 0 && pid <= 0x7fffffff ? pid : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A client's total GPU time, ns: the client-level counter, else the sum over its AppUsage entries. */
export function clientGpuTimeNs(props: Readonly<Record<string, unknown>>): number | undefined {
  const direct = finiteNumber(props['accumulatedGPUTime']);
  if (direct !== undefined) return direct;
  const usage = props['AppUsage'];
  if (!Array.isArray(usage)) return undefined;
  let total = 0;
  for (const entry of usage) {
    if (typeof entry !== 'object' || entry === null) continue;
    total += finiteNumber((entry as Record<string, unknown>)['accumulatedGPUTime']) ?? 0;
  }
  return total;
}

/**
 * The registry dictionaries the native side copied (one per user client) → GPU clients in the
 * common raw shape: one engine, "gpu", whose busy time is the client's GPU time. Clients that name
 * no pid or carry no GPU time are left out; the registry entry id is the client id across samples.
 */
export function gpuClientsFromRegistry(clients: readonly unknown[]): RawGpuClient[] {
  const out: RawGpuClient[] = [];
  clients.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    const props = entry as Readonly<Record<string, unknown>>;
    const pid = creatorPid(props['IOUserClientCreator']);
    const busyNs = clientGpuTimeNs(props);
    if (pid === undefined || busyNs === undefined) return;
    const id = finiteNumber(props['registryEntryID']);
    out.push({
      pid,
      driver: typeof props['class'] === 'string' ? props['class'] : '',
      device: '',
      clientId: id !== undefined ? String(id) : `#${index}`,
      engines: [{ name: 'gpu', busyNs, cycles: NaN, totalCycles: NaN, capacity: 1, percent: NaN }],
      memoryBytes: NaN,
      residentBytes: NaN,
    });
  });
  return out;
}
