/**
 * Pure unit formatting shared by the renderer, the CLI's live view and notifications.
 * Every function returns a short display string; non-finite input gives an em dash so a missing
 * value never reads as a real zero.
 */
import type { TemperatureUnit } from './ipc';

const DASH = '—';
/** IEC binary prefixes (1024-based), as Activity Monitor and `free -h` show memory. */
const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** Three significant figures at most: 1.23, 12.3, 123. */
function sig3(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return fixed(value, 0);
  if (abs >= 10) return fixed(value, 1);
  return fixed(value, 2);
}

/** 1536 → "1.50 KiB". Negative values keep their sign. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return DASH;
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? fixed(value, 0) : sig3(value);
  return `${bytes < 0 ? '-' : ''}${text} ${BYTE_UNITS[unit]}`;
}

/** Bytes per second, same prefixes: "12.3 MiB/s". */
export function formatRate(bytesPerSec: number): string {
  if (!Number.isFinite(bytesPerSec)) return DASH;
  return `${formatBytes(bytesPerSec)}/s`;
}

/** 42.345 → "42.3 %"; digits defaults to 1. */
export function formatPercent(percent: number, digits = 1): string {
  if (!Number.isFinite(percent)) return DASH;
  return `${fixed(percent, digits)} %`;
}

/** Celsius → Fahrenheit (exact: F = C × 9/5 + 32). */
export function celsiusToFahrenheit(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

/** A temperature given in °C, shown in the user's unit: "61.5 °C" or "142.7 °F". */
export function formatTemperature(celsius: number, unit: TemperatureUnit = 'C', digits = 1): string {
  if (!Number.isFinite(celsius)) return DASH;
  const value = unit === 'F' ? celsiusToFahrenheit(celsius) : celsius;
  return `${fixed(value, digits)} °${unit}`;
}

/** Seconds → "45 s", "12 min", "3 h 05 min", "2 d 4 h". Rounds down to the shown unit. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return DASH;
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return `${days} d ${hours % 24} h`;
}

/** Minutes (as batteries report time left) → a duration string. */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60);
}

/** Watts with a sign only when negative: "12.4 W". */
export function formatWatts(watts: number): string {
  if (!Number.isFinite(watts)) return DASH;
  return `${sig3(watts)} W`;
}

export function formatRpm(rpm: number): string {
  if (!Number.isFinite(rpm)) return DASH;
  return `${Math.round(rpm)} rpm`;
}

export function formatMhz(mhz: number): string {
  if (!Number.isFinite(mhz)) return DASH;
  return mhz >= 1000 ? `${fixed(mhz / 1000, 2)} GHz` : `${Math.round(mhz)} MHz`;
}

/**
 * A value in a series' unit (SeriesInfo.unit: '%', '°C', 'rpm', 'B/s', 'W', 'MHz', 'B', '/s').
 * Temperatures follow the user's unit; unknown units print the number and the unit as given.
 */
export function formatValue(value: number, unit: string, temperatureUnit: TemperatureUnit = 'C'): string {
  if (!Number.isFinite(value)) return DASH;
  switch (unit) {
    case '%':
      return formatPercent(value);
    case '°C':
      return formatTemperature(value, temperatureUnit);
    case 'rpm':
      return formatRpm(value);
    case 'B/s':
      return formatRate(value);
    case 'B':
      return formatBytes(value);
    case 'W':
      return formatWatts(value);
    case 'MHz':
      return formatMhz(value);
    case '/s':
      // A count per second (the catalogue's rate of a counted thing: switches, interrupts, packets).
      return `${sig3(value)}/s`;
    default:
      return unit === '' ? sig3(value) : `${sig3(value)} ${unit}`;
  }
}
