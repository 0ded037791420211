import { describe, expect, it } from 'vitest';
import {
  isPlausibleCelsius,
  smcPrefixGroup,
  smcSensorGroup,
  smcTemperatureSensors,
} from '../../../src/shared/darwin/smc-sensors';
import { CHIP_SENSOR_TABLES, chipSensorTable } from '../../../src/shared/darwin/smc-sensor-tables';
import { hexToBytes } from '../../../src/shared/darwin/smc-types';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, smcFixtureFiles, smcRows } from './fixtures';

describe('SMC sensor classification', () => {
  it('groups by prefix, differently on Apple Silicon and Intel', () => {
    expect(smcPrefixGroup('Tp01', true)).toBe('cpu');
    expect(smcPrefixGroup('Te05', true)).toBe('cpu');
    expect(smcPrefixGroup('Tg0G', true)).toBe('gpu');
    expect(smcPrefixGroup('TB0T', true)).toBe('battery');
    expect(smcPrefixGroup('TH0x', true)).toBe('storage');
    expect(smcPrefixGroup('TaLP', true)).toBe('ambient');
    expect(smcPrefixGroup('TC0P', false)).toBe('cpu');
    expect(smcPrefixGroup('Ts0P', false)).toBe('ambient');
    expect(smcPrefixGroup('Ts0P', true)).toBe('cpu');
    expect(smcPrefixGroup('TZ99', true)).toBe('other');
  });

  it('lets the chip table override the prefix', () => {
    expect(smcSensorGroup('Tf14', { cpuBrand: 'Apple M3 Max' })).toBe('gpu');
    expect(smcSensorGroup('Tf14', { cpuBrand: 'Apple M4' })).toBe('cpu');
    expect(smcSensorGroup('TC0P', { appleSilicon: false })).toBe('cpu');
    expect(chipSensorTable('Apple M4 Pro')?.family).toBe('M4');
    expect(chipSensorTable('Intel(R) Core(TM) i9')).toBeUndefined();
  });

  it('keeps one key in one list per chip', () => {
    for (const t of CHIP_SENSOR_TABLES) {
      const all = [...t.efficiencyCores, ...t.performanceCores, ...t.gpu];
      expect(new Set(all).size, t.family).toBe(all.length);
    }
  });

  it('drops implausible readings', () => {
    expect(isPlausibleCelsius(45, 'cpu')).toBe(true);
    expect(isPlausibleCelsius(2.2, 'cpu')).toBe(false);
    expect(isPlausibleCelsius(-4, 'battery')).toBe(false);
    expect(isPlausibleCelsius(129, 'gpu')).toBe(false);
    expect(isPlausibleCelsius(3, 'ambient')).toBe(true);
  });

  it('labels table keys and skips non-temperature types', () => {
    const readings = [
      { key: 'Tp01', type: 'flt ', bytes: hexToBytes('00 00 48 42') },
      { key: 'TVDi', type: 'si32', bytes: hexToBytes('08 00 00 00') },
      { key: 'Tp1i', type: 'flt ', bytes: hexToBytes('00 00 80 c0') },
    ];
    const sensors = smcTemperatureSensors(readings, { appleSilicon: true, cpuBrand: 'Apple M1' });
    expect(sensors).toEqual([
      {
        id: 'smc/Tp01',
        chip: 'smc',
        sensor: 'Tp01',
        kind: 'smc',
        label: 'CPU performance core 1',
        celsius: 50,
      },
    ]);
  });
});

describe.skipIf(!HAVE_DARWIN_FIXTURES)(`SMC sensors on every real dump${SKIP_NOTE}`, () => {
  it('finds plausible CPU temperatures on every machine, and only plausible values', () => {
    for (const file of smcFixtureFiles()) {
      const rows = smcRows(file);
      const appleSilicon = rows[0]?.appleSilicon ?? false;
      const sensors = smcTemperatureSensors(rows, { appleSilicon });
      for (const s of sensors) expect(s.celsius > 0 && s.celsius <= 110, `${file} ${s.sensor}`).toBe(true);
      if (file.startsWith('ismc-')) {
        const cpu = sensors.filter((s) => smcSensorGroup(s.sensor, { appleSilicon }) === 'cpu');
        expect(cpu.length, file).toBeGreaterThan(0);
      }
    }
  });

  it('every chip table key exists in some real dump of that family', () => {
    const keys = new Map<string, Set<string>>();
    for (const file of smcFixtureFiles().filter((f) => f.startsWith('ismc-'))) {
      const fam = /-m(\d)/.exec(file)?.[1];
      if (!fam) continue;
      const set = keys.get(`M${fam}`) ?? new Set<string>();
      for (const r of smcRows(file)) set.add(r.key);
      keys.set(`M${fam}`, set);
    }
    for (const t of CHIP_SENSOR_TABLES) {
      const seen = keys.get(t.family);
      if (!seen) continue;
      const missing = [...t.efficiencyCores, ...t.performanceCores, ...t.gpu].filter((k) => !seen.has(k));
      expect(missing, t.family).toEqual([]);
    }
  });
});
