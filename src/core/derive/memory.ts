/** Memory section: used %, swap %, pressure level (macOS as given, Linux from PSI). */
import type { MemoryPressureLevel, RawMemory, RawPsi } from '../../shared/raw';
import type { MemorySample } from '../../shared/sample';
import { gaugePercent } from './rate';

/**
 * Linux memory pressure from /proc/pressure/memory, with the thresholds Android's low memory killer
 * daemon uses for its PSI levels (AOSP system/memory/lmkd, lmkd.cpp `psi_thresholds`: "medium" =
 * 100 ms of partial stall per 1 s window, "critical" = 70 ms of complete stall per 1 s). The kernel's
 * avg10 figures are percentages of stalled time, so 100 ms/s = 10 % and 70 ms/s = 7 %
 * (Documentation/accounting/psi.rst). We use the 10 s averages, which smooth single spikes.
 */
export const PSI_WARNING_SOME_AVG10 = 10;
export const PSI_CRITICAL_FULL_AVG10 = 7;

export function pressureFromPsi(psi: RawPsi): MemoryPressureLevel {
  const full = psi.full?.avg10;
  if (full !== undefined && full >= PSI_CRITICAL_FULL_AVG10) return 'critical';
  if (psi.some.avg10 >= PSI_WARNING_SOME_AVG10) return 'warning';
  return 'normal';
}

export function deriveMemory(cur: RawMemory): MemorySample {
  const usedPercent = gaugePercent(cur.usedBytes, cur.totalBytes);
  if (usedPercent === undefined)
    throw new RangeError(`memory.totalBytes must be positive, got ${cur.totalBytes}`);
  // No swap configured: nothing of it is used.
  const swapUsedPercent = gaugePercent(cur.swapUsedBytes, cur.swapTotalBytes) ?? 0;
  const out: { -readonly [K in keyof MemorySample]: MemorySample[K] } = {
    ...cur,
    usedPercent,
    swapUsedPercent,
  };
  if (cur.pressureLevel !== undefined) {
    out.pressure = cur.pressureLevel;
    out.pressureSource = 'os';
  } else if (cur.psi !== undefined) {
    out.pressure = pressureFromPsi(cur.psi);
    out.pressureSource = 'psi';
  }
  return out;
}
