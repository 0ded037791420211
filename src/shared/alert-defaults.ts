/**
 * The alerts a new install starts with (issue 5 "Alerts"). Metric names are documented in
 * src/core/alerts/metrics.ts and docs/metrics.md; a state's level is its index in the catalogue's
 * list of states (memory pressure 0 normal, 1 warning, 2 critical; thermal pressure 0 nominal,
 * 1 fair, 2 serious, 3 critical).
 */
import type { AlertRule } from './alert-types';

const MINUTE = 60_000;

export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  {
    id: 'battery-low',
    label: 'Battery low',
    enabled: true,
    metric: 'battery.dischargingPercent',
    comparison: '<=',
    threshold: 10,
    // A battery percentage only moves by whole steps: no hold time needed; clear above 15 %.
    forMs: 0,
    hysteresis: 5,
    cooldownMs: 10 * MINUTE,
  },
  {
    id: 'thermal-pressure',
    label: 'Thermal pressure serious or worse',
    enabled: true,
    metric: 'power.thermalPressureLevel',
    comparison: '>=',
    threshold: 2,
    forMs: 0,
    // Levels are whole numbers: clearing needs a level below serious.
    hysteresis: 0,
    cooldownMs: 5 * MINUTE,
  },
  {
    id: 'cpu-hot',
    label: 'CPU hot',
    enabled: true,
    metric: 'thermal.group.cpu',
    comparison: '>=',
    threshold: 95,
    // Die sensors spike for a moment under bursts; 10 s sustained is heat, not a burst.
    forMs: 10_000,
    hysteresis: 5,
    cooldownMs: 5 * MINUTE,
  },
  {
    id: 'memory-critical',
    label: 'Memory pressure critical',
    enabled: true,
    metric: 'memory.pressureLevel',
    comparison: '>=',
    threshold: 2,
    forMs: 5_000,
    hysteresis: 0,
    cooldownMs: 5 * MINUTE,
  },
  {
    id: 'disk-full',
    label: 'Disk almost full',
    enabled: true,
    metric: 'disks.mount.*.usedPercent',
    comparison: '>=',
    threshold: 95,
    forMs: 0,
    hysteresis: 2,
    cooldownMs: 60 * MINUTE,
  },
  {
    // Off by default: per-process power needs the energy counters (macOS) or the RAPL estimate
    // (Linux, rails and cpu sections); the user turns it on to find what drains the battery.
    id: 'process-power',
    label: 'A process draws a lot of power',
    enabled: false,
    metric: 'process.*.powerW',
    comparison: '>',
    threshold: 15,
    forMs: 5 * MINUTE,
    hysteresis: 3,
    cooldownMs: 30 * MINUTE,
  },
  {
    // Off by default: per-process disk bytes cost one more read per process (processIo).
    id: 'process-disk-write',
    label: 'A process writes to disk heavily',
    enabled: false,
    metric: 'process.*.diskWriteBytesPerSec',
    comparison: '>',
    threshold: 50 * 1024 * 1024,
    forMs: 5 * MINUTE,
    hysteresis: 10 * 1024 * 1024,
    cooldownMs: 30 * MINUTE,
  },
];
