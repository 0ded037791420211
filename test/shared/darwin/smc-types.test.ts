import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSmcNumber, decodeSmcValue, hexToBytes } from '../../../src/shared/darwin/smc-types';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, smcByKey, smcFixtureFiles, smcRows } from './fixtures';

const AS = { appleSilicon: true };
const INTEL = { appleSilicon: false };
const r = (key: string, type: string, hex: string) => ({ key, type, bytes: hexToBytes(hex) });

describe('decodeSmcValue with documented values', () => {
  it('decodes each type by its code', () => {
    expect(decodeSmcValue(r('TC0P', 'sp78', '26 30'), INTEL)).toBe(38.1875);
    expect(decodeSmcValue(r('TC0P', 'sp78', '3A 80'), INTEL)).toBe(58.5);
    expect(decodeSmcValue(r('PCPC', 'sp87', '00 59'), INTEL)).toBeCloseTo(0.695, 3);
    expect(decodeSmcValue(r('F0AH', 'spf0', '17 53'), INTEL)).toBe(5971);
    expect(decodeSmcValue(r('F0Ac', 'fpe2', '1f 49'), INTEL)).toBe(2002.25);
    expect(decodeSmcValue(r('TG0B', 'ioft', '66 e6 19 00 00 00 00 00'), AS)).toBeCloseTo(25.9, 4);
    expect(decodeSmcValue(r('TB0T', 'flt ', '30 33 cf 41'), AS)).toBeCloseTo(25.899994, 5);
    expect(decodeSmcValue(r('AC-C', 'flag', '00'), AS)).toBe(false);
    expect(decodeSmcValue(r('F0ID', '{fds', '00000a00457868617573742020000000'), INTEL)).toBe('Exhaust');
  });

  it('uses the per-key byte order on Apple Silicon and big-endian on Intel', () => {
    expect(decodeSmcValue(r('B0AV', 'ui16', 'd9 31'), AS)).toBe(12761);
    expect(decodeSmcValue(r('B0AC', 'si16', 'f5 ff'), AS)).toBe(-11);
    expect(decodeSmcValue(r('B0AP', 'si32', '74 ff ff ff'), AS)).toBe(-140);
    expect(decodeSmcValue(r('B0RM', 'ui16', '1d 85'), AS)).toBe(7557);
    expect(decodeSmcValue(r('#KEY', 'ui32', '00 00 09 69'), AS)).toBe(2409);
    expect(decodeSmcValue(r('B0AV', 'ui16', '21 c0'), INTEL)).toBe(8640);
  });

  it('refuses sizes that do not fit the type instead of inventing a value', () => {
    expect(decodeSmcValue(r('X', 'flt ', '00 00'), AS)).toBeUndefined();
    expect(decodeSmcValue(r('X', 'sp78', '00'), AS)).toBeUndefined();
    expect(decodeSmcValue(r('X', 'ui16', '00'), AS)).toBeUndefined();
    expect(decodeSmcValue(r('X', '{rev', '0102030405'), AS)).toBeUndefined();
  });

  it('never throws and returns only finite numbers from decodeSmcNumber (fuzz)', () => {
    const types = [
      'flt ',
      'ioft',
      'sp78',
      'fpe2',
      'ui8 ',
      'ui16',
      'ui32',
      'si8 ',
      'si16',
      'si32',
      'flag',
      'hex_',
      '{fds',
      'zzzz',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.uint8Array({ maxLength: 40 }),
        fc.boolean(),
        (type, bytes, appleSilicon) => {
          const v = decodeSmcNumber({ key: 'B0AV', type, bytes }, { appleSilicon });
          return v === undefined || Number.isFinite(v);
        },
      ),
    );
  });

  it('rejects malformed hex with a message naming the argument', () => {
    expect(() => hexToBytes('abc')).toThrow(/hex:/);
  });
});

function close(a: number, b: number): boolean {
  if (a === b) return true;
  const tol = Math.max(1e-4, Math.abs(b) * 2e-6);
  return Math.abs(a - b) <= tol;
}

describe.skipIf(!HAVE_DARWIN_FIXTURES)(`decodeSmcValue against every real dump${SKIP_NOTE}`, () => {
  it('agrees with every trustworthy decode of every row of every TSV', () => {
    let checked = 0;
    const bad: string[] = [];
    for (const file of smcFixtureFiles()) {
      for (const row of smcRows(file)) {
        const opts = { appleSilicon: row.appleSilicon };
        const ours = decodeSmcValue(row, opts);
        const fixedKey = /^(sp|fp)[0-9a-f]{2}$/.test(row.type) ? `${row.type}_be` : undefined;
        let expected: number | undefined;
        if (row.type === 'flt ') expected = row.decodes['flt_le'];
        else if (row.type === 'ioft') expected = row.decodes['ioft_le_16.16'];
        else if (fixedKey) expected = row.decodes[fixedKey];
        if (expected === undefined) continue;
        checked++;
        if (typeof ours !== 'number' || !close(ours, expected))
          bad.push(`${file} ${row.key} ${row.type} ${ours} != ${expected}`);
        // iSMC's own column for float types: exact, or (older reports) rounded/truncated to an integer.
        if (row.sourceDecoded !== undefined && row.sourceDecoded !== '' && typeof ours === 'number') {
          const src = Number(row.sourceDecoded);
          const okSrc = close(ours, src) || Math.round(ours) === src || Math.trunc(ours) === src;
          if (!okSrc) bad.push(`${file} ${row.key} source ${src} vs ${ours}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(10000);
  });

  it('decodes integers so that the README cross-checks hold on every battery machine', () => {
    const files = smcFixtureFiles().filter((f) => f.startsWith('ismc-full'));
    let machines = 0;
    for (const file of files) {
      const keys = smcByKey(file);
      const num = (k: string) => {
        const row = keys.get(k);
        return row ? decodeSmcNumber(row, AS) : undefined;
      };
      const av = num('B0AV');
      const ac = num('B0AC');
      const ap = num('B0AP');
      const rm = num('B0RM');
      const fc_ = num('B0FC');
      if (av === undefined || ac === undefined || ap === undefined || rm === undefined || fc_ === undefined)
        continue;
      machines++;
      expect(Math.abs((av * ac) / 1000 - ap)).toBeLessThanOrEqual(Math.max(2, Math.abs(ap) * 0.001));
      expect(av / 1000).toBeCloseTo(num('SBAV') ?? NaN, 2);
      expect(rm).toBe(num('SBAR'));
      expect(Math.abs((rm / fc_) * 100 - (num('SBAS') ?? NaN))).toBeLessThan(1);
      const at = num('B0AT');
      const tb = num('TB0T');
      if (at !== undefined && tb !== undefined) expect(Math.abs(at / 10 - 273.15 - tb)).toBeLessThan(0.2);
    }
    expect(machines).toBeGreaterThanOrEqual(1);
  });

  it('reads Intel integers big-endian: BRSC ≈ B0RM/B0FC on every Intel laptop dump (fact 10)', () => {
    let n = 0;
    for (const file of smcFixtureFiles().filter((f) => f.startsWith('vsmc-'))) {
      const keys = smcByKey(file);
      const get = (k: string) => {
        const row = keys.get(k);
        return row ? decodeSmcNumber(row, INTEL) : undefined;
      };
      const [rm, fcap, brsc] = [get('B0RM'), get('B0FC'), get('BRSC')];
      if (rm === undefined || fcap === undefined || brsc === undefined || fcap === 0) continue;
      n++;
      // Within 5 points (MacBookPro5,5 reports 82 for 86 %); little-endian would read 25600-ish.
      expect(Math.abs((rm / fcap) * 100 - brsc), file).toBeLessThan(5);
    }
    expect(n).toBeGreaterThanOrEqual(20);
  });

  it('decodes PSTR by its type so that PSTR = B0AV×B0AC on discharging Intel laptops (fact 8)', () => {
    for (const file of ['vsmc-intel-MacBookAir7,2.tsv', 'vsmc-intel-MacBookPro16,3.tsv']) {
      const keys = smcByKey(file);
      const get = (k: string) => {
        const row = keys.get(k);
        return (row ? decodeSmcNumber(row, INTEL) : undefined) ?? NaN;
      };
      expect(Math.abs((get('B0AV') * get('B0AC')) / 1e6), file).toBeCloseTo(get('PSTR'), 1);
    }
  });
});
