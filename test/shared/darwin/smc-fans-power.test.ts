import { describe, expect, it } from 'vitest';
import { fanKeys, fanModeName, smcFans } from '../../../src/shared/darwin/smc-fans';
import { smcPower } from '../../../src/shared/darwin/smc-power';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, smcRows } from './fixtures';

describe('fan keys', () => {
  it('lists the keys per fan and rejects bad counts', () => {
    expect(fanKeys(1)).toEqual(['F0Ac', 'F0Mn', 'F0Mx', 'F0Tg', 'F0Md', 'F0md', 'F0ID']);
    expect(() => fanKeys(-1)).toThrow(/count/);
    expect(fanModeName(3)).toBe('system');
    expect(fanModeName(7)).toBe('7');
  });
});

describe.skipIf(!HAVE_DARWIN_FIXTURES)(`fans and power keys from real dumps${SKIP_NOTE}`, () => {
  it('M2 Max: two fans, idle at 0 rpm, 1350–5349 rpm range, auto mode; PSTR/PPBR/PDTR in W', () => {
    const rows = smcRows('ismc-full-m2max-Mac14,6.tsv');
    const fans = smcFans(rows, { appleSilicon: true });
    expect(fans).toHaveLength(2);
    expect(fans[0]).toMatchObject({
      id: 'smc/F0',
      rpm: 0,
      minRpm: 1350,
      maxRpm: 5349,
      targetRpm: 0,
      mode: 'auto',
    });
    const p = smcPower(rows, { appleSilicon: true });
    expect(p.systemW).toBeCloseTo(8.552598, 5);
    expect(p.batteryW).toBeCloseTo(1.4678359, 5);
    expect(p.dcInW).toBeCloseTo(10.682102, 5);
  });

  it('fanless M4 Air has no fans and a real PSTR', () => {
    const rows = smcRows('ismc-full-m4-Mac16,12.tsv');
    expect(smcFans(rows, { appleSilicon: true })).toEqual([]);
    expect(smcPower(rows, { appleSilicon: true }).systemW).toBeGreaterThan(0);
  });

  it('Intel fpe2 fans with names (MacBookAir5,2) and T2-era flt fans (MacBookPro16,3)', () => {
    const air = smcFans(smcRows('vsmc-intel-MacBookAir5,2.tsv'), { appleSilicon: false });
    expect(air.length).toBeGreaterThanOrEqual(1);
    expect(air[0]?.label).toBe('Exhaust');
    expect(air[0]?.rpm).toBe(1998);
    const t2 = smcFans(smcRows('vsmc-intel-MacBookPro16,3.tsv'), { appleSilicon: false });
    expect(t2).toEqual([
      {
        id: 'smc/F0',
        chip: 'smc',
        sensor: 'F0',
        rpm: 0,
        minRpm: 1200,
        maxRpm: 7200,
        targetRpm: 0,
        mode: 'auto',
      },
    ]);
  });

  it('PSTR of sp78/sp87/sp96/flt types all decode to watts', () => {
    for (const file of [
      'vsmc-intel-MacBookPro10,1.tsv',
      'vsmc-intel-MacBookPro11,1.tsv',
      'vsmc-intel-iMac19,2.tsv',
      'vsmc-intel-MacBookPro15,1.tsv',
    ]) {
      const w = smcPower(smcRows(file), { appleSilicon: false }).systemW;
      expect(w, file).toBeGreaterThan(0);
      expect(w, file).toBeLessThan(300);
    }
  });
});
