/**
 * pmgr DVFS tables (Apple Silicon): the `voltage-statesN[-sram]` properties of the pmgr entry under
 * AppleARMIODevice, and `acc-clusters`, which says which table belongs to which CPU cluster on M5
 * and later (M1–M4 firmware has no acc-clusters: see cpuClusterTables).
 * Facts (MACOS.md "Frequency, Apple Silicon") decoded from the pmgr dumps that macmon users posted:
 * Hz tables on M1–M3 (https://github.com/vladkens/macmon/issues/17, /68), kHz on M4
 * (https://github.com/vladkens/macmon/issues/66), 65 536 000 / MHz in the non-sram tables.
 */

export interface DvfsEntry {
  /** First u32: Hz, kHz, or 65,536,000/MHz depending on the table (see dvfsTableMhz). */
  readonly raw: number;
  readonly millivolts: number;
}

/** Splits a property blob into 8-byte `<u32 LE, u32 LE mV>` entries (macmon#17 pmgr dumps); a ragged tail is ignored. */
export function parseDvfsTable(bytes: Uint8Array): DvfsEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: DvfsEntry[] = [];
  for (let off = 0; off + 8 <= bytes.byteLength; off += 8) {
    out.push({ raw: view.getUint32(off, true), millivolts: view.getUint32(off + 4, true) });
  }
  return out;
}

/**
 * The non-sram CPU tables hold 65,536,000 / f_MHz rather than a frequency (checked on
 * M2 Ultra, M4 Pro and M5 Max to within 1.2 MHz: macmon#17, #66 and kennss/SiliconScope#58).
 */
export const NON_SRAM_DIVIDEND = 65_536_000;

/**
 * Frequency of the first field of a `-sram` (or GPU) table entry in MHz. The unit is Hz on M1–M3 and
 * kHz on M4 (macmon#66); no DVFS state of an Apple chip is below 100 MHz or above 10 GHz, so the
 * magnitude tells the unit: ≥ 1e8 is Hz (100 MHz+), 1e5–1e7 is kHz. 0 is the GPU OFF state.
 */
export function sramFieldMhz(raw: number): number | undefined {
  if (raw >= 1e8 && raw < 1e10) return raw / 1e6;
  if (raw >= 1e5 && raw < 1e7) return raw / 1e3;
  return undefined;
}

/** MHz of each entry of a non-sram CPU table (65,536,000 / field). */
export function nonSramTableMhz(entries: readonly DvfsEntry[]): (number | undefined)[] {
  return entries.map((e) => (e.raw > 0 ? NON_SRAM_DIVIDEND / e.raw : undefined));
}

/** One cluster table decoded: its entries and their frequencies (MHz), entry by entry. */
interface DecodedTable {
  readonly entries: DvfsEntry[];
  readonly mhz: number[];
}

function decodeClusterTable(
  properties: ReadonlyMap<string, Uint8Array>,
  index: number,
): DecodedTable | undefined {
  const sram = properties.get(`voltage-states${index}-sram`);
  if (sram) {
    const entries = parseDvfsTable(sram);
    const mhz = entries.map((e) => sramFieldMhz(e.raw));
    if (mhz.length > 0 && mhz.every((m) => m !== undefined)) return { entries, mhz: mhz as number[] };
  }
  const plain = properties.get(`voltage-states${index}`);
  if (plain) {
    const entries = parseDvfsTable(plain);
    const mhz = nonSramTableMhz(entries);
    if (mhz.length > 0 && mhz.every((m) => m !== undefined && m >= 100 && m < 10_000))
      return { entries, mhz: mhz as number[] };
  }
  return undefined;
}

/**
 * Frequencies (MHz) of one cluster's table, by table index: the `-sram` table when it holds
 * frequencies for every entry, else the non-sram table through 65,536,000/f (where the `-sram` keys
 * moved, as on M5 Max). Undefined when neither gives a frequency for every entry.
 */
export function clusterTableMhz(
  properties: ReadonlyMap<string, Uint8Array>,
  index: number,
): number[] | undefined {
  return decodeClusterTable(properties, index)?.mhz;
}

/** GPU states from `voltage-states9` (MACOS.md "GPU"): the first entry is OFF (0) and is skipped. */
export function gpuTableMhz(bytes: Uint8Array): number[] {
  const entries = parseDvfsTable(bytes);
  const rest = entries[0]?.raw === 0 ? entries.slice(1) : entries;
  return rest.map((e) => sramFieldMhz(e.raw)).filter((m): m is number => m !== undefined);
}

export interface AccCluster {
  /** Index N of `voltage-statesN`. */
  readonly tableIndex: number;
  /** Cluster type byte as the firmware stores it. */
  readonly clusterType: number;
}

/** `acc-clusters`: 8-byte entries, byte 0 = table index, byte 1 = cluster type (MACOS.md). */
export function parseAccClusters(bytes: Uint8Array): AccCluster[] {
  const out: AccCluster[] = [];
  for (let off = 0; off + 8 <= bytes.byteLength; off += 8) {
    out.push({ tableIndex: bytes[off] ?? 0, clusterType: bytes[off + 1] ?? 0 });
  }
  return out;
}

/** A CPU cluster table: its index N, the acc-clusters entry that named it (M5+), and its MHz ladder. */
export interface CpuClusterTable {
  readonly tableIndex: number;
  /** Present when acc-clusters named the table (M5 and later). */
  readonly cluster?: AccCluster;
  readonly mhz: number[];
}

/**
 * The M1–M4 E and P cluster tables: macmon ("Try known voltage-states key (M1-M4) first, fall back
 * to acc-clusters discovery (M5+)", vladkens/macmon src_lib/sources.rs), Stats and oshi read tables
 * 1 and 5. A real M1 (https://github.com/ThomasKaiser/Knowledge/blob/master/media/ioreg-MacBookAir10.txt,
 * entry pmgr) has no acc-clusters; there table 1 is E (5 states, 600–2064 MHz), 5 is P (15, 600–3204).
 */
export const KNOWN_E_TABLE = 1;
export const KNOWN_P_TABLE = 5;

/** No Apple core runs above 2 V; the M1's `voltage-states8` carries 0xffffffff there (no CPU table). */
const MAX_CPU_MILLIVOLTS = 2000;

/**
 * True when a `voltage-statesN[-sram]` table can be a CPU DVFS ladder: at least two entries, every
 * first field a frequency (the M1's `voltage-states0/2/11` hold 1 in every first field), plausible
 * millivolts, and frequencies that never fall (the V-state order is ascending, fixture README fact 14).
 */
export function plausibleCpuLadder(entries: readonly DvfsEntry[], mhz: readonly number[]): boolean {
  if (entries.length < 2 || mhz.length !== entries.length) return false;
  if (entries.every((e) => e.raw === 1)) return false;
  if (entries.some((e) => e.millivolts === 0 || e.millivolts > MAX_CPU_MILLIVOLTS)) return false;
  return mhz.every((m, i) => i === 0 || m >= (mhz[i - 1] ?? Infinity));
}

/** The table at `index` when it decodes to a plausible CPU ladder (see plausibleCpuLadder). */
function ladderAt(properties: ReadonlyMap<string, Uint8Array>, index: number): number[] | undefined {
  const table = decodeClusterTable(properties, index);
  return table && plausibleCpuLadder(table.entries, table.mhz) ? table.mhz : undefined;
}

/** Every N of a `voltage-statesN` or `voltage-statesN-sram` key, ascending. */
function tableIndices(properties: ReadonlyMap<string, Uint8Array>): number[] {
  const out = new Set<number>();
  for (const key of properties.keys()) {
    const m = /^voltage-states(\d+)(-sram)?$/.exec(key);
    if (m) out.add(Number(m[1]));
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The CPU cluster tables, each resolved to MHz, ordered so that the E cluster's candidate comes
 * first and the P cluster's last (darwin-normalize-parts matches them to IOReport channels by state
 * count, E taking the first fit and P the last):
 * - with `acc-clusters` (M5 and later), the tables it names, in its order;
 * - without it (M1–M4), table 1, then any other table that decodes to a plausible CPU ladder, then
 *   table 5. Never hard-coded per chip beyond the two indices all public monitors use.
 */
export function cpuClusterTables(properties: ReadonlyMap<string, Uint8Array>): CpuClusterTable[] {
  const acc = properties.get('acc-clusters');
  if (acc) {
    const out: CpuClusterTable[] = [];
    for (const cluster of parseAccClusters(acc)) {
      const mhz = clusterTableMhz(properties, cluster.tableIndex);
      if (mhz) out.push({ tableIndex: cluster.tableIndex, cluster, mhz });
    }
    return out;
  }
  const others = tableIndices(properties).filter((i) => i !== KNOWN_E_TABLE && i !== KNOWN_P_TABLE);
  const out: CpuClusterTable[] = [];
  for (const tableIndex of [KNOWN_E_TABLE, ...others, KNOWN_P_TABLE]) {
    const mhz = ladderAt(properties, tableIndex);
    if (mhz) out.push({ tableIndex, mhz });
  }
  return out;
}
