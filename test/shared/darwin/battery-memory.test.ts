import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  batteryFromRegistry,
  batteryHealthPercent,
  darwinBattery,
  fullChargeMah,
  ipsBatteryState,
  ipsMinutes,
  signedRegistryInt,
} from '../../../src/shared/darwin/battery';
import { parseIoregText, parsePlistDict, signedFromUnsigned64Text } from '../../helpers/ioreg-text';
import { darwinMemory } from '../../../src/shared/darwin/memory';
import { parseVmStat } from '../../helpers/vm-stat-text';
import {
  memoryPressureFromSysctl,
  thermalPressureFromNotifyState,
} from '../../../src/shared/darwin/thermal-pressure';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, fixtureFiles, fixtureText } from './fixtures';

describe('battery decoding', () => {
  it('reads unsigned-wrapped negatives and centi-°C temperatures (issue 4 examples)', () => {
    expect(signedFromUnsigned64Text('18446744073709550397')).toBe(-1219);
    expect(signedFromUnsigned64Text('3050')).toBe(3050);
    expect(signedRegistryInt(12)).toBe(12);
    const b = batteryFromRegistry(
      parseIoregText('"Amperage" = 18446744073709550397\n"Voltage" = 12500\n"Temperature" = 3050'),
    );
    expect(b.currentA).toBeCloseTo(-1.219, 6);
    expect(b.powerW).toBeCloseTo(-15.2375, 6);
    expect(b.temperatureC).toBe(30.5);
  });

  it('tells Intel mAh MaxCapacity from the Apple Silicon percentage', () => {
    expect(fullChargeMah({ MaxCapacity: 100, AppleRawMaxCapacity: 5170 })).toBe(5170);
    expect(fullChargeMah({ MaxCapacity: 6077, DesignCapacity: 6559 })).toBe(6077);
    expect(fullChargeMah({ MaxCapacity: 100 })).toBeUndefined();
    expect(batteryHealthPercent({ MaxCapacity: 6077, DesignCapacity: 6559 })).toBeCloseTo(92.65, 2);
  });

  it('maps IOPS times and states, treating −1 as still calculating', () => {
    expect(ipsMinutes(-1)).toBeUndefined();
    expect(ipsMinutes(65535)).toBeUndefined();
    expect(ipsMinutes(221)).toBe(221);
    expect(ipsBatteryState({ 'Is Charging': false, 'Power Source State': 'Battery Power' })).toBe(
      'discharging',
    );
    expect(ipsBatteryState({ 'Is Charging': false, 'Power Source State': 'AC Power' })).toBe('not-charging');
    expect(ipsBatteryState({ 'Is Charging': true })).toBe('charging');
    expect(ipsBatteryState({ 'Is Charged': true, 'Is Charging': false })).toBe('full');
    const b = darwinBattery(
      'InternalBattery-0',
      { 'Current Capacity': 80, 'Max Capacity': 100, 'Time to Empty': -1, 'Is Charging': false },
      {},
    );
    expect(b).toEqual({ id: 'InternalBattery-0', percent: 80, state: 'discharging' });
  });

  it('parsers never throw on arbitrary text (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseIoregText(s);
        parseIoregText(`"K" = ${s}`);
        parsePlistDict(`<dict><key>K</key>${s}</dict>`);
        return true;
      }),
    );
  });
});

describe('memory', () => {
  it('uses Activity Monitor definitions and the machine page size', () => {
    const m = darwinMemory({
      counters: {
        free: 110,
        active: 300,
        inactive: 200,
        speculative: 10,
        throttled: 0,
        wired: 100,
        purgeable: 20,
        external: 150,
        internal: 400,
        compressor: 50,
      },
      pageSize: 16384,
      totalBytes: 1000 * 16384,
      swapTotalBytes: 0,
      swapUsedBytes: 0,
      pressureLevel: 'normal',
    });
    expect(m.appBytes).toBe(380 * 16384);
    expect(m.usedBytes).toBe((380 + 100 + 50) * 16384);
    expect(m.cachedBytes).toBe(170 * 16384);
    expect(m.freeBytes).toBe(100 * 16384);
    expect(m.availableBytes).toBe(330 * 16384);
    expect(() =>
      darwinMemory({
        ...{
          counters: {
            free: 0,
            active: 0,
            inactive: 0,
            speculative: 0,
            throttled: 0,
            wired: 0,
            purgeable: 0,
            external: 0,
            internal: 0,
            compressor: 0,
          },
        },
        pageSize: 0,
        totalBytes: 0,
        swapTotalBytes: 0,
        swapUsedBytes: 0,
      }),
    ).toThrow(/pageSize/);
  });

  it('maps pressure levels', () => {
    expect(memoryPressureFromSysctl(1)).toBe('normal');
    expect(memoryPressureFromSysctl(2)).toBe('warning');
    expect(memoryPressureFromSysctl(4)).toBe('critical');
    expect(memoryPressureFromSysctl(3)).toBeUndefined();
    expect([0, 1, 2, 3, 4, 5].map(thermalPressureFromNotifyState)).toEqual([
      'nominal',
      'fair',
      'serious',
      'critical',
      'critical',
      undefined,
    ]);
  });

  it('parseVmStat returns counters or throws a RangeError naming its argument, nothing else (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.boolean(), (s, header) => {
        const text = header ? `Mach Virtual Memory Statistics: (page size of 16384 bytes)\n${s}` : s;
        try {
          const r = parseVmStat(text);
          return Number.isFinite(r.counters.free) && r.pageSize === 16384;
        } catch (err) {
          return err instanceof RangeError && /^text:/.test(err.message);
        }
      }),
    );
  });

  it('rejects vm_stat text without a header', () => {
    expect(() => parseVmStat('Pages free: 1.')).toThrow(/text:/);
  });
});

describe.skipIf(!HAVE_DARWIN_FIXTURES)(`battery and memory on real captures${SKIP_NOTE}`, () => {
  it('M1 MBP13 2020: health from AppleRawMaxCapacity over design, never from the 100 % MaxCapacity', () => {
    const d = parseIoregText(fixtureText('battery/stats222-m1-macbookpro13-2020-lucasaf04.txt'));
    expect(d['MaxCapacity']).toBe(100);
    expect(fullChargeMah(d)).toBe(5170);
    expect(batteryFromRegistry(d).chargeNowAh).toBeCloseTo(5.038, 6);
  });

  it('Intel Mojave: MaxCapacity 6077 mAh over DesignCapacity 6559', () => {
    const d = parseIoregText(fixtureText('battery/macstats7-intel-mojave-grep.txt'));
    expect(batteryHealthPercent(d)).toBeCloseTo((6077 / 6559) * 100, 6);
    expect(batteryFromRegistry(d).cycleCount).toBe(200);
  });

  it('XML form: Amperage is already signed (−1889 mA)', () => {
    const d = parsePlistDict(fixtureText('battery/raycast15996-ioreg-arn-plist.txt'));
    expect(d['Amperage']).toBe(-1889);
    expect(batteryFromRegistry(d).currentA).toBeCloseTo(-1.889, 6);
    expect(fullChargeMah(d)).toBe(8747);
  });

  it('text form: every unsigned-wrapped value in the captures becomes a small negative number', () => {
    let n = 0;
    for (const file of fixtureFiles('battery')) {
      const text = fixtureText(`battery/${file}`);
      for (const m of text.matchAll(/=\s*(1844674407\d{10})\b/g)) {
        const v = signedFromUnsigned64Text(m[1] ?? '');
        expect(v).toBeLessThan(0);
        expect(v).toBeGreaterThan(-(2 ** 32));
        n++;
      }
      parseIoregText(text);
    }
    expect(n).toBeGreaterThanOrEqual(5);
  });

  it('M2 Max on battery: Amperage 0, TimeRemaining 65535 is no estimate, nested dicts parse', () => {
    const d = parseIoregText(fixtureText('battery/whatcable95-m2max-Mac14,6-on-battery.txt'));
    expect(d['Amperage']).toBe(0);
    expect(d['ExternalConnected']).toBe(false);
    expect(d['CarrierMode']).toEqual({
      CarrierModeLowVoltage: 3600,
      CarrierModeHighVoltage: 4100,
      CarrierModeStatus: 0,
    });
    expect(ipsMinutes(d['TimeRemaining'] as number)).toBeUndefined();
  });

  it('Intel vm_stat (4 KiB pages): the page states add up to the 32 GiB machine', () => {
    const { pageSize, counters: c } = parseVmStat(fixtureText('memory/wazuh22113-intel-4k-vm_stat-full.txt'));
    expect(pageSize).toBe(4096);
    const pages = c.free + c.active + c.inactive + c.wired + c.compressor;
    expect(pages).toBe(8387868);
    const m = darwinMemory({
      counters: c,
      pageSize,
      totalBytes: 32 * 2 ** 30,
      swapTotalBytes: 0,
      swapUsedBytes: 0,
    });
    expect(m.freeBytes).toBe(6127229 * 4096);
    expect(m.appBytes).toBe((464333 - 11820) * 4096);
    expect(m.cachedBytes).toBe((1080348 + 11820) * 4096);
  });

  it('Apple Silicon (16 KiB pages): free + inactive reproduces the vm_stat byte figures', () => {
    const mem = (free: number, inactive: number) =>
      darwinMemory({
        counters: {
          free,
          active: 0,
          inactive,
          speculative: 0,
          throttled: 0,
          wired: 0,
          purgeable: 0,
          external: 0,
          internal: 0,
          compressor: 0,
        },
        pageSize: 16384,
        totalBytes: 2 ** 40,
        swapTotalBytes: 0,
        swapUsedBytes: 0,
      }).availableBytes;
    expect(fixtureText('memory/p10k1181-m1-vm_stat-free-inactive-quoted.txt')).toContain('7194181632');
    expect(mem(61996, 377102)).toBe(7194181632);
    expect(fixtureText('memory/libmacchina166-github-macos-runner-vm_stat-quoted.txt')).toContain(
      '3435708416',
    );
    expect(mem(26076, 183623)).toBe(3435708416);
  });
});
