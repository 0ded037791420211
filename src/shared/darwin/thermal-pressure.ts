/**
 * Levels of `notify_get_state("com.apple.system.thermalpressurelevel")` (MACOS.md "Thermal
 * pressure"): 0 nominal, 1 moderate, 2 heavy, 3 trapping, 4 sleeping. Mapped onto the four levels
 * of raw.ts, the same words Electron's powerMonitor uses (nominal/fair/serious/critical).
 */
import type { MemoryPressureLevel, ThermalPressure } from '../raw';

export function thermalPressureFromNotifyState(state: number): ThermalPressure | undefined {
  switch (state) {
    case 0:
      return 'nominal';
    case 1:
      return 'fair';
    case 2:
      return 'serious';
    case 3: // trapping: the kernel is throttling hard
    case 4: // sleeping: the machine is about to sleep to cool down
      return 'critical';
    default:
      return undefined;
  }
}

/** `kern.memorystatus_vm_pressure_level`: 1 normal, 2 warning, 4 critical (MACOS.md "Memory"). */
export function memoryPressureFromSysctl(level: number): MemoryPressureLevel | undefined {
  if (level === 1) return 'normal';
  if (level === 2) return 'warning';
  if (level === 4) return 'critical';
  return undefined;
}
