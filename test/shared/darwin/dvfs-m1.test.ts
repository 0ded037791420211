/**
 * M1–M4 firmware has no `acc-clusters`: the CPU cluster tables must still be found. Checked on the
 * real M1 tables of test/shared/darwin/m1-pmgr.ts (ThomasKaiser/Knowledge, ioreg-MacBookAir10.txt).
 */
import { describe, expect, it } from 'vitest';
import {
  cpuClusterTables,
  gpuTableMhz,
  parseDvfsTable,
  plausibleCpuLadder,
} from '../../../src/shared/darwin/dvfs';
import { m1Pmgr } from './m1-pmgr';

const props = new Map(Object.entries(m1Pmgr()));

describe('M1 pmgr tables without acc-clusters', () => {
  it('finds E (table 1: 600–2064 MHz, 5 states) first and P (table 5: 600–3204 MHz, 15 states) last', () => {
    const tables = cpuClusterTables(props);
    expect(tables.map((t) => t.tableIndex)).toEqual([1, 5]);
    const [e, p] = tables;
    expect(e?.mhz).toEqual([600, 972, 1332, 1704, 2064]);
    expect(p?.mhz).toHaveLength(15);
    expect(p?.mhz[0]).toBe(600);
    expect(p?.mhz[14]).toBe(3204);
  });

  it('decodes the GPU table 9 as 396–1278 MHz (OFF skipped)', () => {
    expect(gpuTableMhz(props.get('voltage-states9') ?? new Uint8Array())).toEqual([
      396, 528, 720, 924, 1128, 1278,
    ]);
  });

  it('rejects the 3-entry tables whose first field is 1 and the table with 0xffffffff mV', () => {
    for (const key of ['voltage-states0', 'voltage-states2', 'voltage-states11']) {
      const entries = parseDvfsTable(props.get(key) ?? new Uint8Array());
      expect(
        entries.map((e) => e.raw),
        key,
      ).toEqual([1, 1, 1]);
      expect(plausibleCpuLadder(entries, [1, 1, 1]), key).toBe(false);
    }
    const v8 = parseDvfsTable(props.get('voltage-states8') ?? new Uint8Array());
    expect(
      plausibleCpuLadder(
        v8,
        v8.map((e) => e.raw / 1e6),
      ),
    ).toBe(false);
  });

  it('uses the non-sram table (65,536,000 / MHz) where the -sram key is missing', () => {
    const plainOnly = new Map([...props].filter(([k]) => !k.endsWith('-sram')));
    const tables = cpuClusterTables(plainOnly);
    expect(tables.map((t) => t.tableIndex)).toEqual([1, 5]);
    expect(tables[0]?.mhz.map(Math.round)).toEqual([600, 972, 1332, 1704, 2064]);
    expect(Math.round(tables[1]?.mhz[14] ?? 0)).toBe(3204);
  });

  it('takes any other plausible ladder as a candidate between E and P', () => {
    const extra = new Map(props);
    extra.set('voltage-states3-sram', props.get('voltage-states1-sram') ?? new Uint8Array());
    expect(cpuClusterTables(extra).map((t) => t.tableIndex)).toEqual([1, 3, 5]);
  });
});
