import { describe, expect, it } from 'vitest';
import { compactBytes, glanceSections, glanceTitle, glanceTooltip } from '../../../src/shared/glance-title';
import { ok } from '../../../src/shared/metric-result';
import { cpu, laptopSample } from '../helpers/sample';

describe('glanceTitle', () => {
  it('shows the chosen items in order, in the chosen unit', () => {
    const s = laptopSample();
    expect(glanceTitle(s, ['cpu-temp', 'cpu'], 'C')).toBe('62° 12%');
    expect(glanceTitle(s, ['cpu', 'cpu-temp'], 'F')).toBe('12% 143°');
    expect(glanceTitle(s, ['battery', 'battery-time', 'fan'], 'C')).toBe('B87% 2:05 2400rpm');
  });

  it('counts only physical interfaces in the network rate', () => {
    expect(glanceTitle(laptopSample(), ['network'], 'C')).toBe('↓1.5K ↑768');
  });

  it('leaves out what the machine cannot report instead of inventing a value', () => {
    const s = { ...laptopSample(), cpu: ok(cpu(undefined)) };
    expect(glanceTitle(s, ['gpu', 'cpu', 'cpu-temp'], 'C')).toBe('62°');
    expect(glanceTitle({ t: 0, mono: 0 }, ['cpu', 'battery'], 'C')).toBe('');
  });
});

describe('glanceTooltip', () => {
  it('gives every item in full, with the reason for a missing one', () => {
    const text = glanceTooltip(laptopSample(), 'C');
    expect(text).toContain('CPU 12.4 %');
    expect(text).toContain('CPU temperature 61.6 °C');
    expect(text).toContain('Battery 87 % discharging, 2 h 05 min left');
    expect(text).toContain('GPU unavailable (no GPU driver exposes utilization)');
    expect(text).toContain('Fan 2400 rpm');
  });
});

describe('helpers', () => {
  it('maps items to the sections the tray must sample', () => {
    expect(glanceSections(['cpu-temp', 'cpu', 'battery', 'battery-time'])).toEqual([
      'thermal',
      'cpu',
      'power',
    ]);
    expect(glanceSections([])).toEqual([]);
  });
  it('prints compact byte rates', () => {
    expect([0, 999, 1000, 1536, 10 * 1024 * 1024, 5e12].map(compactBytes)).toEqual([
      '0',
      '999',
      '1.0K',
      '1.5K',
      '10M',
      '4.5T',
    ]);
  });
});
