import { describe, expect, it } from 'vitest';
import {
  celsiusToFahrenheit,
  formatBytes,
  formatDuration,
  formatMhz,
  formatMinutes,
  formatPercent,
  formatRate,
  formatTemperature,
  formatValue,
  formatWatts,
} from '../../src/shared/format';

describe('format', () => {
  it('formats bytes with binary prefixes and three significant figures', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(17_179_869_184)).toBe('16.0 GiB');
    expect(formatBytes(123.4 * 1024 ** 2)).toBe('123 MiB');
    expect(formatBytes(-2048)).toBe('-2.00 KiB');
    expect(formatBytes(NaN)).toBe('—');
  });

  it('formats rates and percentages', () => {
    expect(formatRate(1_048_576)).toBe('1.00 MiB/s');
    expect(formatRate(Infinity)).toBe('—');
    expect(formatPercent(42.345)).toBe('42.3 %');
    expect(formatPercent(42.345, 0)).toBe('42 %');
  });

  it('converts °C to °F exactly', () => {
    expect(celsiusToFahrenheit(100)).toBe(212);
    expect(celsiusToFahrenheit(-40)).toBe(-40);
    expect(formatTemperature(61.5)).toBe('61.5 °C');
    expect(formatTemperature(37, 'F')).toBe('98.6 °F');
  });

  it('formats durations rounding down to the shown unit', () => {
    expect(formatDuration(45.9)).toBe('45 s');
    expect(formatDuration(12 * 60 + 59)).toBe('12 min');
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 05 min');
    expect(formatDuration(2 * 86400 + 4 * 3600 + 7)).toBe('2 d 4 h');
    expect(formatDuration(-1)).toBe('—');
    expect(formatMinutes(95)).toBe('1 h 35 min');
  });

  it('formats by series unit, following the temperature setting', () => {
    expect(formatValue(50, '%')).toBe('50.0 %');
    expect(formatValue(50, '°C', 'F')).toBe('122.0 °F');
    expect(formatValue(2048, 'B/s')).toBe('2.00 KiB/s');
    expect(formatValue(1210.4, 'rpm')).toBe('1210 rpm');
    expect(formatValue(3200, 'MHz')).toBe('3.20 GHz');
    expect(formatValue(800, 'MHz')).toBe('800 MHz');
    expect(formatValue(12.345, 'W')).toBe('12.3 W');
    expect(formatValue(3.5, 'ops/s')).toBe('3.50 ops/s');
    expect(formatWatts(-7.25)).toBe('-7.25 W');
    expect(formatMhz(NaN)).toBe('—');
  });
});
