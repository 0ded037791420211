/**
 * pmgr DVFS tables (Apple Silicon): the `voltage-statesN[-sram]` properties of the pmgr entry under
 * AppleARMIODevice, and `acc-clusters`, which says which table belongs to which CPU cluster.
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

/**
 * Frequencies (MHz) of one cluster's table, by table index: the `-sram` table when it holds
 * frequencies for every entry, else the non-sram table through 65,536,000/f (where the `-sram` keys
 * moved, as on M5 Max). Undefined when neither gives a frequency for every entry.
 */
export function clusterTableMhz(
  properties: ReadonlyMap<string, Uint8Array>,
  index: number,
): number[] | undefined {
  const sram = properties.get(`voltage-states${index}-sram`);
  if (sram) {
    const mhz = parseDvfsTable(sram).map((e) => sramFieldMhz(e.raw));
    if (mhz.length > 0 && mhz.every((m) => m !== undefined)) return mhz as number[];
  }
  const plain = properties.get(`voltage-states${index}`);
  if (plain) {
    const mhz = nonSramTableMhz(parseDvfsTable(plain));
    if (mhz.length > 0 && mhz.every((m) => m !== undefined && m >= 100 && m < 10_000)) return mhz as number[];
  }
  return undefined;
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

/**
 * The CPU cluster tables named by acc-clusters, in cluster order, each resolved to MHz. Never
 * hard-coded per chip: the indices come from the machine itself.
 */
export function cpuClusterTables(
  properties: ReadonlyMap<string, Uint8Array>,
): { cluster: AccCluster; mhz: number[] }[] {
  const acc = properties.get('acc-clusters');
  if (!acc) return [];
  const out: { cluster: AccCluster; mhz: number[] }[] = [];
  for (const cluster of parseAccClusters(acc)) {
    const mhz = clusterTableMhz(properties, cluster.tableIndex);
    if (mhz) out.push({ cluster, mhz });
  }
  return out;
}
