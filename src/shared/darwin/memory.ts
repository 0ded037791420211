/**
 * Activity-Monitor-compatible memory figures from host_statistics64(HOST_VM_INFO64) counters
 * (MACOS.md "Memory"). Pages are 16 KiB on Apple Silicon and 4 KiB on Intel: the page size always
 * comes from the machine, never a constant. It is the kernel's page size from host_page_size
 * (native/src/darwin/memory.cc), which the counters are kept in, not the user-space vm_page_size:
 * an x86_64 process under Rosetta sees vm_page_size = 4 KiB on a 16 KiB-page kernel
 * (shirou/gopsutil PR #1334).
 */
import type { MemoryPressureLevel, RawMemory } from '../raw';

/** The vm_statistics64 counters we use, in pages, as the kernel reports them. */
export interface VmCounters {
  /** free_count: includes the speculative pages (vm_stat prints free − speculative). */
  readonly free: number;
  readonly active: number;
  readonly inactive: number;
  readonly speculative: number;
  readonly throttled: number;
  readonly wired: number;
  readonly purgeable: number;
  /** external_page_count: file-backed pages. */
  readonly external: number;
  /** internal_page_count: anonymous pages. */
  readonly internal: number;
  /** compressor_page_count: pages occupied by the compressor. */
  readonly compressor: number;
}

export interface DarwinMemoryInput {
  readonly counters: VmCounters;
  readonly pageSize: number;
  /** hw.memsize */
  readonly totalBytes: number;
  /** vm.swapusage xsu_total / xsu_used */
  readonly swapTotalBytes: number;
  readonly swapUsedBytes: number;
  readonly pressureLevel?: MemoryPressureLevel;
}

/**
 * RawMemory with Activity Monitor's definitions:
 *  - App Memory = internal − purgeable; Memory Used = App + Wired + Compressed
 *  - Cached Files = external + purgeable
 *  - free = free_count − speculative (what vm_stat and Activity Monitor call free)
 *  - available = free + speculative + inactive + purgeable (raw.ts definition)
 * (Apple's vm_stat.c for the free count; Activity Monitor's labels for the rest.)
 */
export function darwinMemory(input: DarwinMemoryInput): RawMemory {
  const { counters: c, pageSize } = input;
  if (!Number.isInteger(pageSize) || pageSize <= 0)
    throw new RangeError(`pageSize: expected a positive integer, got ${pageSize}`);
  const bytes = (pages: number): number => Math.max(0, pages) * pageSize;
  const appBytes = bytes(c.internal - c.purgeable);
  const wiredBytes = bytes(c.wired);
  const compressedBytes = bytes(c.compressor);
  return {
    totalBytes: input.totalBytes,
    freeBytes: bytes(c.free - c.speculative),
    availableBytes: Math.min(input.totalBytes, bytes(c.free + c.inactive + c.purgeable)),
    usedBytes: appBytes + wiredBytes + compressedBytes,
    cachedBytes: bytes(c.external + c.purgeable),
    wiredBytes,
    compressedBytes,
    appBytes,
    swapTotalBytes: input.swapTotalBytes,
    swapUsedBytes: input.swapUsedBytes,
    ...(input.pressureLevel !== undefined ? { pressureLevel: input.pressureLevel } : {}),
  };
}
