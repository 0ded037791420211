import { describe, expect, it } from 'vitest';
import { dumpSensors, sensorDumpRows } from '../../../src/core/sampler/sensors-dump';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, smcRows } from '../../shared/darwin/fixtures';

describe('sensors dump', () => {
  it('refuses on a platform without an SMC, naming it', async () => {
    await expect(dumpSensors({ platform: 'linux' })).rejects.toThrow(/only on macOS \(this is linux\)/);
  });

  it('marks listed-but-unreadable keys and sorts by key', () => {
    const rows = sensorDumpRows(
      [
        { key: 'TC0P', type: 'sp78', bytes: new Uint8Array([0x26, 0x30]) },
        { key: 'AC-D', type: 'ui8 ', bytes: null },
      ],
      { appleSilicon: false },
    );
    expect(rows).toEqual([
      { key: 'AC-D', type: 'ui8 ', hex: '', readable: false },
      { key: 'TC0P', type: 'sp78', hex: '2630', readable: true, decoded: 38.1875, group: 'cpu' },
    ]);
  });
});

describe.skipIf(!HAVE_DARWIN_FIXTURES)(`sensors dump of a real SMC${SKIP_NOTE}`, () => {
  it('M2 Max: every one of the 2279 recorded keys appears once, with its raw bytes and decode', () => {
    const rows = sensorDumpRows(smcRows('ismc-full-m2max-Mac14,6.tsv'), {
      appleSilicon: true,
      cpuBrand: 'Apple M2 Max',
    });
    const keys = new Set(rows.map((r) => r.key));
    expect(keys.size).toBeGreaterThan(2200);
    const b0av = rows.find((r) => r.key === 'B0AV');
    expect(b0av).toMatchObject({ type: 'ui16', hex: 'd931', decoded: 12761 });
    expect(rows.find((r) => r.key === 'TB0T')?.group).toBe('battery');
  });
});
