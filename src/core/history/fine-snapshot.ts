/**
 * The 1 s tier across a clean restart (issue 14). Appending it as it closes would write 69 MB a day
 * at 200 series, nearly three times the whole budget, so it stays in memory while running and is
 * written once, at clean shutdown, as one file through the atomic-write helper (complete or
 * untouched). The next start restores the part still inside the tier's span and deletes the file;
 * after a crash there is no file and only this tier is lost, as the issue allows.
 *
 * File `<dir>/tier-<seconds>s.last` (little-endian):
 *    0  "DMFINE\0\0"  magic
 *    8  u32 version   SNAPSHOT_VERSION
 *   12  u32 crc       CRC-32 of every byte from 16 on
 *   16  u32 length of the JSON header {resolutionMs, firstBucket, buckets, series: [{id,label,unit}]}
 *   20  JSON, padded with spaces to a multiple of 4 bytes
 *       then per series, `buckets` f32 averages (NaN where the series had no value)
 */
import { crc32 } from 'node:zlib';
import { isSeriesId } from '../../shared/payload-schemas';
import type { SeriesName } from './segment';
import { MAX_TIME_MS, type HistoryStore } from './store';

const MAGIC = Buffer.from('DMFINE\0\0', 'latin1');
export const SNAPSHOT_VERSION = 1;
const PREFIX = 20;

export const snapshotName = (resolutionMs: number): string => `tier-${resolutionMs / 1000}s.last`;

export interface FineSnapshot {
  readonly resolutionMs: number;
  /** Bucket id (t / resolutionMs) of the first column entry. */
  readonly firstBucket: number;
  readonly buckets: number;
  readonly series: readonly SeriesName[];
  /** series.length × buckets averages, series by series. */
  readonly values: Float32Array;
}

/** The closed buckets of tier `tierIndex` (one column: a tier without peaks) of a store. */
export function takeSnapshot(store: HistoryStore, tierIndex: number): FineSnapshot | undefined {
  const tier = store.tiers[tierIndex]!;
  if (tier.open < 0) return undefined;
  const first = Math.max(0, tier.open - tier.ring);
  const buckets = tier.open - first;
  const series = [...store.series.values()];
  const values = new Float32Array(series.length * buckets).fill(NaN);
  let any = false;
  for (let b = first; b < tier.open; b++) {
    const slot = b % tier.ring;
    if (tier.slotBucket[slot] !== b) continue;
    series.forEach((s, k) => {
      if (b < s.born[tierIndex]!) return;
      const v = s.data[tierIndex]![slot * tier.columns + (tier.columns === 1 ? 0 : 1)]!;
      values[k * buckets + (b - first)] = v;
      if (!Number.isNaN(v)) any = true;
    });
  }
  if (!any) return undefined;
  return {
    resolutionMs: tier.spec.resolutionMs,
    firstBucket: first,
    buckets,
    series: series.map((s) => ({ id: s.id, label: s.label, unit: s.unit })),
    values,
  };
}

export function encodeSnapshot(snapshot: FineSnapshot): Buffer {
  const { resolutionMs, firstBucket, buckets, series } = snapshot;
  const json = Buffer.from(JSON.stringify({ resolutionMs, firstBucket, buckets, series }), 'utf8');
  const padded = Math.ceil(json.length / 4) * 4;
  const out = Buffer.alloc(PREFIX + padded + snapshot.values.byteLength, 0x20);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(SNAPSHOT_VERSION, 8);
  out.writeUInt32LE(json.length, 16);
  json.copy(out, PREFIX);
  Buffer.from(snapshot.values.buffer, snapshot.values.byteOffset, snapshot.values.byteLength).copy(
    out,
    PREFIX + padded,
  );
  out.writeUInt32LE(crc32(out.subarray(16)), 12);
  return out;
}

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Decodes a snapshot; throws an Error saying what is wrong with it. */
export function decodeSnapshot(file: Buffer): FineSnapshot {
  if (file.length < PREFIX || !file.subarray(0, 8).equals(MAGIC)) throw new Error('not a 1 s tier snapshot');
  const version = file.readUInt32LE(8);
  if (version !== SNAPSHOT_VERSION) throw new Error(`unsupported snapshot version ${version}`);
  if (file.readUInt32LE(12) !== crc32(file.subarray(16))) throw new Error('checksum mismatch');
  const length = file.readUInt32LE(16);
  if (length > file.length - PREFIX) throw new Error('header length beyond the end of the file');
  let raw: unknown;
  try {
    raw = JSON.parse(file.subarray(PREFIX, PREFIX + length).toString('utf8'));
  } catch {
    throw new Error('header is not valid JSON');
  }
  const h = raw as Partial<FineSnapshot> | null;
  if (
    h === null ||
    typeof h !== 'object' ||
    !isInt(h.resolutionMs, 1, 86_400_000) ||
    !isInt(h.buckets, 1, 1 << 20) ||
    !isInt(h.firstBucket, 0, MAX_TIME_MS / h.resolutionMs) ||
    !Array.isArray(h.series) ||
    !h.series.every(
      (s: Partial<SeriesName> | null) =>
        isSeriesId(s?.id) && typeof s.label === 'string' && typeof s.unit === 'string',
    )
  )
    throw new Error('header has missing or invalid fields');
  const start = PREFIX + Math.ceil(length / 4) * 4;
  const count = h.series.length * h.buckets;
  if (file.length !== start + count * 4)
    throw new Error(`file is ${file.length} bytes, its header describes ${start + count * 4}`);
  const values = new Float32Array(count);
  new Uint8Array(values.buffer).set(file.subarray(start));
  return {
    resolutionMs: h.resolutionMs,
    firstBucket: h.firstBucket,
    buckets: h.buckets,
    series: h.series.map((s) => ({ id: s.id, label: s.label, unit: s.unit })),
    values,
  };
}
