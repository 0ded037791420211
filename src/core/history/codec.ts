/**
 * The uncompressed body of a history file (layout in file.ts), and copying history between
 * stores of different shapes (a file saved with 7 days restored into a 1-day history).
 */
import { isSeriesId } from '../../shared/payload-schemas';
import { HistoryStore, MAX_TIME_MS } from './store';
import type { SeriesStore, TierSpec } from './tier';

const ACC = 4;

interface Header {
  readonly lastT: number | null;
  readonly maxSeries: number;
  readonly maxProcessSeries: number;
  readonly tiers: readonly (TierSpec & { readonly open: number })[];
  readonly series: readonly {
    id: string;
    label: string;
    unit: string;
    lastReportMs: number | null;
    /** First bucket owned per tier (SeriesStore.born). */
    born: number[];
  }[];
}

const bytesOf = (a: Float32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function encodeBody(store: HistoryStore): Buffer {
  const series = [...store.series.values()];
  const header: Header = {
    lastT: Number.isFinite(store.lastT) ? store.lastT : null,
    maxSeries: store.maxSeries,
    maxProcessSeries: store.maxProcessSeries,
    // The ring as it sits in memory (a directory-backed store keeps its coarse tiers on disk).
    tiers: store.tiers.map((tier) => ({
      ...tier.spec,
      capacity: tier.ring,
      memory: tier.ring,
      open: tier.open,
    })),
    series: series.map((s) => ({
      id: s.id,
      label: s.label,
      unit: s.unit,
      lastReportMs: Number.isFinite(s.lastReportMs) ? s.lastReportMs : null,
      born: [...s.born],
    })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  const parts: Buffer[] = [length, json];
  for (const tier of store.tiers) parts.push(bytesOf(tier.slotBucket));
  for (const s of series) {
    for (const column of s.data) parts.push(bytesOf(column));
    parts.push(bytesOf(s.acc));
  }
  return Buffer.concat(parts);
}

/**
 * Every count, bucket id and time in a file stays within the JS Date range (±8.64e15 ms), where
 * integers are exact: a bucket counter near 2^53 would stop incrementing and hang a query loop.
 */
const LIMIT = MAX_TIME_MS;
const isInt = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= LIMIT;
const isTime = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMIT);

function parseHeader(body: Buffer): { header: Header; offset: number } {
  if (body.length < 4) throw new Error('body too short for its header');
  const length = body.readUInt32LE(0);
  if (length > body.length - 4) throw new Error('header length beyond the end of the body');
  let raw: unknown;
  try {
    raw = JSON.parse(body.subarray(4, 4 + length).toString('utf8'));
  } catch {
    throw new Error('header is not valid JSON');
  }
  const h = raw as Partial<Header> | null;
  const ok =
    h !== null &&
    typeof h === 'object' &&
    isTime(h.lastT) &&
    isInt(h.maxSeries, 1) &&
    isInt(h.maxProcessSeries, 1) &&
    Array.isArray(h.tiers) &&
    h.tiers.length > 0 &&
    h.tiers.every(
      (t) =>
        isInt(t?.resolutionMs, 1) &&
        isInt(t.capacity, 1) &&
        typeof t.peaks === 'boolean' &&
        isInt(t.open, -1),
    ) &&
    Array.isArray(h.series) &&
    h.series.length <= h.maxSeries &&
    h.series.every(
      (s) =>
        isSeriesId(s?.id) &&
        typeof s.label === 'string' &&
        typeof s.unit === 'string' &&
        isTime(s.lastReportMs) &&
        Array.isArray(s.born) &&
        s.born.length === h.tiers!.length &&
        s.born.every((b: unknown) => isInt(b, -1)),
    );
  if (!ok) throw new Error('header has missing or invalid fields');
  return { header: h as Header, offset: 4 + length };
}

function read(body: Buffer, offset: number, target: Float32Array | Float64Array): number {
  const end = offset + target.byteLength;
  new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(body.subarray(offset, end));
  return end;
}

export function decodeBody(body: Buffer): HistoryStore {
  const { header, offset: start } = parseHeader(body);
  const perSeries =
    header.tiers.reduce((sum, t) => sum + t.capacity * (t.peaks ? 3 : 1) * 4, 0) +
    header.tiers.length * ACC * 8;
  const expected =
    start + header.tiers.reduce((sum, t) => sum + t.capacity * 8, 0) + header.series.length * perSeries;
  if (body.length !== expected)
    throw new Error(`body is ${body.length} bytes, its header describes ${expected}`);
  if (new Set(header.series.map((s) => s.id)).size !== header.series.length)
    throw new Error('duplicate series ids');
  const store = new HistoryStore({
    tiers: header.tiers.map(({ resolutionMs, capacity, peaks }) => ({ resolutionMs, capacity, peaks })),
    maxSeries: header.maxSeries,
    maxProcessSeries: header.maxProcessSeries,
  });
  let offset = start;
  header.tiers.forEach((t, i) => {
    const tier = store.tiers[i]!;
    tier.open = t.open;
    offset = read(body, offset, tier.slotBucket);
  });
  for (const info of header.series) {
    const s = store.adopt(info.id)!;
    for (const column of s.data) offset = read(body, offset, column);
    offset = read(body, offset, s.acc);
    s.label = info.label;
    s.unit = info.unit;
    s.lastReportMs = info.lastReportMs ?? -Infinity;
    s.born.set(info.born);
  }
  store.lastT = header.lastT ?? -Infinity;
  return store;
}

/**
 * Copies src into an empty dst of another shape: tiers are matched by resolution, each keeps the
 * newest buckets that fit, and when dst has fewer series slots the most recently reporting win.
 */
export function copyStore(src: HistoryStore, dst: HistoryStore): void {
  const pairs: { from: number; to: number; slots: [number, number][] }[] = [];
  dst.tiers.forEach((tier, to) => {
    const from = src.tiers.findIndex(
      (t) => t.spec.resolutionMs === tier.spec.resolutionMs && t.spec.peaks === tier.spec.peaks,
    );
    const source = src.tiers[from];
    if (source === undefined) return;
    tier.open = source.open;
    const slots: [number, number][] = [];
    const keep = Math.min(source.ring, tier.ring);
    for (let bucket = source.open - keep; bucket < source.open; bucket++) {
      const slot = bucket % source.ring;
      if (bucket < 0 || source.slotBucket[slot] !== bucket) continue;
      const target = bucket % tier.ring;
      tier.slotBucket[target] = bucket;
      slots.push([slot, target]);
    }
    pairs.push({ from, to, slots });
  });
  const bySeniority = [...src.series.values()].sort((a, b) => b.lastReportMs - a.lastReportMs);
  for (const s of bySeniority) {
    const d: SeriesStore | undefined = dst.adopt(s.id);
    if (d === undefined) break;
    d.label = s.label;
    d.unit = s.unit;
    d.lastReportMs = s.lastReportMs;
    for (const { from, to } of pairs) d.born[to] = s.born[from]!;
    for (const { from, to, slots } of pairs) {
      const columns = dst.tiers[to]!.columns;
      const a = s.data[from]!;
      const b = d.data[to]!;
      for (const [slot, target] of slots)
        b.set(a.subarray(slot * columns, (slot + 1) * columns), target * columns);
      d.acc.set(s.acc.subarray(from * ACC, (from + 1) * ACC), to * ACC);
    }
  }
  dst.lastT = src.lastT;
}
