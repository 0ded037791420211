import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clusterTableMhz,
  cpuClusterTables,
  gpuTableMhz,
  parseAccClusters,
  parseDvfsTable,
  sramFieldMhz,
} from '../../../src/shared/darwin/dvfs';
import {
  clusterResidency,
  residencyFigures,
  splitResidency,
  type IoReportState,
} from '../../../src/shared/darwin/ioreport-residency';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, fixtureText } from './fixtures';

/** Encodes (f) and (v) lists as the pmgr property bytes: <u32 LE f><u32 LE mV> per entry. */
function encodeTable(f: readonly number[], v: readonly number[]): Uint8Array {
  const out = new Uint8Array(f.length * 8);
  const view = new DataView(out.buffer);
  f.forEach((x, i) => {
    view.setUint32(i * 8, x, true);
    view.setUint32(i * 8 + 4, v[i] ?? 0, true);
  });
  return out;
}

/** pmgr tables printed by `macmon debug`: "voltage-statesN: (v) …" / "(f) …"; truncated lists are cut at the last whole number. */
function macmonTables(text: string): Map<string, Uint8Array> {
  const lists = new Map<string, { f?: number[]; v?: number[] }>();
  for (const m of text.matchAll(/(voltage-states[\w-]+): \((f|v)\)([ \d]*)(\[TRUNCATED\])?/g)) {
    const nums = (m[3] ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
    if (m[4]) nums.pop();
    const entry = lists.get(m[1] ?? '') ?? {};
    entry[m[2] as 'f' | 'v'] = nums;
    lists.set(m[1] ?? '', entry);
  }
  const out = new Map<string, Uint8Array>();
  for (const [name, { f, v }] of lists) if (f && f.length > 0) out.set(name, encodeTable(f, v ?? []));
  return out;
}

/** "CPU Stats :: … :: NAME (24Mticks) = [("IDLE", 1), …]" → states of one channel. */
function macmonChannel(text: string, channel: string): IoReportState[] {
  const line = text.split('\n').find((l) => l.includes(`:: ${channel} (24Mticks)`)) ?? '';
  return [...line.matchAll(/\("(\w+)", (\d+)\)/g)].map((m) => ({ name: m[1] ?? '', ticks: Number(m[2]) }));
}

describe('DVFS tables', () => {
  it('parses 8-byte entries, tells Hz from kHz, converts the 65,536,000/MHz form, skips GPU OFF', () => {
    const t = encodeTable([912000000, 1284000000], [590, 625]);
    expect(parseDvfsTable(t)).toEqual([
      { raw: 912000000, millivolts: 590 },
      { raw: 1284000000, millivolts: 625 },
    ]);
    expect(sramFieldMhz(1020000)).toBe(1020);
    expect(sramFieldMhz(912000000)).toBe(912);
    expect(sramFieldMhz(1)).toBeUndefined();
    const props = new Map([['voltage-states1', encodeTable([71859, 51040], [596, 662])]]);
    expect(clusterTableMhz(props, 1)?.map((m) => Math.round(m))).toEqual([912, 1284]);
    expect(gpuTableMhz(encodeTable([0, 444000000, 612000000], [400, 618, 640]))).toEqual([444, 612]);
  });

  it('maps clusters through acc-clusters, never by chip', () => {
    const acc = new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0, 0, 0, 0]);
    expect(parseAccClusters(acc)).toEqual([
      { tableIndex: 1, clusterType: 0 },
      { tableIndex: 5, clusterType: 1 },
    ]);
    const props = new Map([
      ['acc-clusters', acc],
      ['voltage-states1-sram', encodeTable([1020000, 1404000], [790, 800])],
      ['voltage-states5', encodeTable([65536000 / 1260, 65536000 / 4512], [650, 1145])],
    ]);
    const tables = cpuClusterTables(props);
    expect(tables.map((t) => t.mhz.map(Math.round))).toEqual([
      [1020, 1404],
      [1260, 4512],
    ]);
  });

  it('never throws on arbitrary bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        parseDvfsTable(bytes);
        parseAccClusters(bytes);
        gpuTableMhz(bytes);
        return true;
      }),
    );
  });
});

describe('residency figures', () => {
  it('computes active % and weighted MHz from deltas, and refuses counters going backwards', () => {
    const cur = { stateMhz: [600, 1200], activeTicks: [100, 300], idleTicks: 600 };
    expect(residencyFigures(cur)).toEqual({ activePercent: 40, mhz: 1050 });
    const prev = { activeTicks: [100, 100], idleTicks: 400 };
    expect(residencyFigures(cur, prev)).toEqual({ activePercent: 50, mhz: 1200 });
    expect(residencyFigures(cur, { activeTicks: [200, 0], idleTicks: 0 })).toBeUndefined();
    expect(residencyFigures({ stateMhz: [600], activeTicks: [0], idleTicks: 10 })).toEqual({
      activePercent: 0,
    });
  });

  it('skips NON_IDLE channels and counts DOWN/IDLE/OFF as idle', () => {
    expect(
      splitResidency([
        { name: 'NON_IDLE', ticks: 1 },
        { name: 'V0P1', ticks: 1 },
      ]),
    ).toBeUndefined();
    expect(
      splitResidency([
        { name: 'DOWN', ticks: 2 },
        { name: 'IDLE', ticks: 3 },
        { name: 'V0P1', ticks: 4 },
        { name: 'V1P0', ticks: 5 },
      ]),
    ).toEqual({ idleTicks: 5, activeTicks: [4, 5] });
  });
});

describe.skipIf(!HAVE_DARWIN_FIXTURES)(`DVFS and residency on real captures${SKIP_NOTE}`, () => {
  it('M2 Ultra (Hz) and M4 Pro (kHz): the non-sram form agrees with the -sram table within 1.2 MHz', () => {
    for (const [file, indices] of [
      ['ioreport/macmon17-m2ultra-Mac14,14-macos15.2-debug.txt', [1]],
      ['ioreport/macmon66-m4pro-Mac16,8-macos27beta-debug.txt', [1, 13]],
    ] as const) {
      const props = macmonTables(fixtureText(file));
      for (const i of indices) {
        const sram = parseDvfsTable(props.get(`voltage-states${i}-sram`) ?? new Uint8Array()).map(
          (e) => sramFieldMhz(e.raw) ?? NaN,
        );
        const plain = new Map([[`voltage-states${i}`, props.get(`voltage-states${i}`) ?? new Uint8Array()]]);
        const fromPlain = clusterTableMhz(plain, i) ?? [];
        expect(sram.length, `${file} ${i}`).toBeGreaterThan(4);
        sram.forEach((m, k) =>
          expect(Math.abs(m - (fromPlain[k] ?? NaN)), `${file} ${i}/${k}`).toBeLessThan(1.2),
        );
      }
    }
  });

  it('M4 Pro P cluster: 19 V-states match the 19-entry table; PCPM_IDLE is skipped', () => {
    const text = fixtureText('ioreport/macmon66-m4pro-Mac16,8-macos27beta-debug.txt');
    // The capture cut voltage-states13-sram after 5 entries; the full non-sram table gives all 19.
    const plain = new Map([
      ['voltage-states13', macmonTables(text).get('voltage-states13') ?? new Uint8Array()],
    ]);
    const mhz = clusterTableMhz(plain, 13) ?? [];
    expect(mhz).toHaveLength(19);
    const pcpm = clusterResidency(
      {
        group: 'CPU Stats',
        subgroup: 'CPU Complex Performance States',
        channel: 'PCPM',
        states: macmonChannel(text, 'PCPM'),
      },
      mhz,
    );
    expect(pcpm?.activeTicks).toHaveLength(19);
    expect(pcpm?.idleTicks).toBe(1224013);
    const f = residencyFigures(pcpm ?? { stateMhz: [], activeTicks: [], idleTicks: 0 });
    expect(f?.activePercent).toBeCloseTo((1411312 / (1411312 + 1224013)) * 100, 6);
    expect(f?.mhz).toBeGreaterThan(mhz[0] ?? Infinity);
    expect(splitResidency(macmonChannel(text, 'PCPM_IDLE'))).toBeUndefined();
  });

  it('M2 Ultra GPU: GPUPH over voltage-states9 (first entry OFF skipped), extra empty P-states ignored', () => {
    // P1 → 444 MHz … P5 → 1110 MHz: P-state n is table entry n after OFF.
    const text = fixtureText('ioreport/macmon68-m2ultra-debug.txt');
    const gpuMhz = gpuTableMhz(macmonTables(text).get('voltage-states9') ?? new Uint8Array());
    expect(gpuMhz).toEqual([444, 612, 808, 968, 1110, 1236, 1338, 1398]);
    const other = fixtureText('ioreport/macmon17-m2ultra-Mac14,14-macos15.2-debug.txt');
    const r = clusterResidency(
      {
        group: 'GPU Stats',
        subgroup: 'GPU Performance States',
        channel: 'GPUPH',
        states: macmonChannel(other, 'GPUPH'),
      },
      gpuMhz,
    );
    const f = residencyFigures(r ?? { stateMhz: [], activeTicks: [], idleTicks: 0 });
    expect(f?.mhz).toBeCloseTo((54648 * 444 + 338048 * 1110) / (54648 + 338048), 6);
    expect(f?.activePercent).toBeCloseTo((392696 / (392696 + 2246524)) * 100, 6);
  });

  /** powermetrics "(600 MHz:   0% 972 MHz:  19% …)" → per-state shares as residency ticks. */
  function powermetricsRows(
    text: string,
  ): { label: string; reported: number; mhz: number[]; share: number[]; active: number }[] {
    const rows = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const res = /^(.+?) (?:HW )?active residency:\s+([\d.]+)% \((.*)\)\s*$/.exec(lines[i] ?? '');
      if (!res) continue;
      const label = res[1] ?? '';
      const freqLine = lines
        .slice(Math.max(0, i - 1), i)
        .find((l) => l.startsWith(label) && /frequency: \d+ MHz/.test(l));
      const reported = Number(/frequency: (\d+) MHz/.exec(freqLine ?? '')?.[1]);
      const pairs = [...(res[3] ?? '').matchAll(/(\d+) MHz:\s+([\d.]*)%/g)];
      rows.push({
        label,
        reported,
        mhz: pairs.map((p) => Number(p[1])),
        share: pairs.map((p) => Number(p[2] === '' || p[2] === '.' ? 0 : p[2])),
        active: Number(res[2]),
      });
    }
    return rows.filter((r) => Number.isFinite(r.reported));
  }

  it('reproduces powermetrics "HW active frequency" from its own residency histograms (fact 15)', () => {
    let n = 0;
    for (const file of [
      'powermetrics/joularjx51-m1max-MacBookPro18,4-macos14.1-23B81.txt',
      'powermetrics/stats985-m1pro-mbp16-cpu_power.txt',
      'powermetrics/applegpuinfo6-m2-air.txt',
    ]) {
      for (const row of powermetricsRows(fixtureText(file))) {
        const f = residencyFigures({ stateMhz: row.mhz, activeTicks: row.share, idleTicks: 0 });
        // Shares are printed to two significant digits, so allow 1 %.
        expect(Math.abs((f?.mhz ?? 0) - row.reported) / row.reported, `${file} ${row.label}`).toBeLessThan(
          0.01,
        );
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(4);
  });
});
