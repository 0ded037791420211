/**
 * The on-disk segment format of durable history (issue 14), in the spirit of Prometheus' write-ahead
 * log (https://github.com/prometheus/prometheus/blob/main/tsdb/docs/format/wal.md): a small fixed
 * header, then length-prefixed, CRC-checked records appended one after the other. A segment holds one
 * tier over a stretch of time; it is never rewritten, only appended to, cut at a torn tail, or deleted
 * whole by retention.
 *
 * Header (24 bytes, little-endian):
 *    0  "DMSEG\0\0\0"  magic
 *    8  u32 version    SEGMENT_VERSION
 *   12  u32 resolution the tier's bucket width, s
 *   16  u32 slots      columns of every bucket record (the store's series cap)
 *   20  u32 crc        CRC-32 of bytes 0–19
 * Record: u32 payload length, u32 CRC-32 of the payload, payload. Payload byte 0 is the type:
 *   1 assign  u8 0, u16 slot, UTF-8 JSON {id,label,unit}: from here on, column `slot` is that series
 *             (id "" frees the slot). A segment starts with one per live series, so it names its own.
 *   2 bucket  u8 0, u16 slots, u32 0, f64 bucket start (ms), then slots × (f32 min, avg, max); NaN
 *             where a column holds no value. Every bucket record of a segment has the same size.
 *   3 close   3 × u8 0, f64 wall time (ms): the writer shut down cleanly here.
 */
import { crc32 } from 'node:zlib';

export const SEGMENT_MAGIC = Buffer.from('DMSEG\0\0\0', 'latin1');
export const SEGMENT_VERSION = 1;
export const HEADER_BYTES = 24;
const FRAME_BYTES = 8;
/** A bucket record of 65 535 slots is 786 KB; anything longer is damage, not data. */
const MAX_PAYLOAD = 1 << 20;
const BUCKET_HEAD = 16;
/** Longest series id, label or unit JSON accepted in an assign record. */
const MAX_ASSIGN_JSON = 4096;

export interface SegmentHeader {
  readonly resolutionMs: number;
  readonly slots: number;
}

export interface SeriesName {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
}

export type SegmentRecord =
  | { readonly type: 'assign'; readonly slot: number; readonly series: SeriesName | undefined }
  | { readonly type: 'bucket'; readonly startMs: number; readonly values: Float32Array }
  | { readonly type: 'close'; readonly t: number };

export function encodeHeader(header: SegmentHeader): Buffer {
  const out = Buffer.alloc(HEADER_BYTES);
  SEGMENT_MAGIC.copy(out, 0);
  out.writeUInt32LE(SEGMENT_VERSION, 8);
  out.writeUInt32LE(header.resolutionMs / 1000, 12);
  out.writeUInt32LE(header.slots, 16);
  out.writeUInt32LE(crc32(out.subarray(0, 20)), 20);
  return out;
}

/** Parses a header; throws an Error saying what is wrong. */
export function decodeHeader(file: Uint8Array): SegmentHeader {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < HEADER_BYTES) throw new Error('shorter than a segment header');
  if (!buf.subarray(0, 8).equals(SEGMENT_MAGIC)) throw new Error('not a history segment (bad magic)');
  if (buf.readUInt32LE(20) !== crc32(buf.subarray(0, 20))) throw new Error('header checksum mismatch');
  const version = buf.readUInt32LE(8);
  if (version !== SEGMENT_VERSION) throw new Error(`unsupported segment version ${version}`);
  const seconds = buf.readUInt32LE(12);
  const slots = buf.readUInt32LE(16);
  if (seconds < 1 || slots < 1 || slots > 0xffff) throw new Error('header has invalid fields');
  return { resolutionMs: seconds * 1000, slots };
}

function frame(payload: Buffer): Buffer {
  const out = Buffer.alloc(FRAME_BYTES + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  payload.copy(out, FRAME_BYTES);
  return out;
}

export function encodeAssign(slot: number, series: SeriesName | undefined): Buffer {
  const json = Buffer.from(series === undefined ? '""' : JSON.stringify(series), 'utf8');
  // Padded with spaces (JSON allows trailing white space) to a multiple of 4 bytes, so every record
  // starts 4-aligned and a reader can view bucket values in place instead of copying them.
  const payload = Buffer.alloc(4 + Math.ceil(json.length / 4) * 4, 0x20);
  payload[0] = 1;
  payload.writeUInt16LE(slot, 2);
  json.copy(payload, 4);
  return frame(payload);
}

/** `values` holds slots × 3 floats (min, avg, max per column). */
export function encodeBucket(startMs: number, values: Float32Array): Buffer {
  const payload = Buffer.alloc(BUCKET_HEAD + values.byteLength);
  payload[0] = 2;
  payload.writeUInt16LE(values.length / 3, 2);
  payload.writeDoubleLE(startMs, 8);
  Buffer.from(values.buffer, values.byteOffset, values.byteLength).copy(payload, BUCKET_HEAD);
  return frame(payload);
}

export function encodeClose(t: number): Buffer {
  const payload = Buffer.alloc(16);
  payload[0] = 3;
  payload.writeDoubleLE(t, 8);
  return frame(payload);
}

function parseName(json: string): SeriesName | undefined | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (raw === '') return undefined;
  const r = raw as Partial<SeriesName> | null;
  if (r === null || typeof r !== 'object') return null;
  if (typeof r.id !== 'string' || r.id === '' || typeof r.label !== 'string' || typeof r.unit !== 'string')
    return null;
  return { id: r.id, label: r.label, unit: r.unit };
}

const isTime = (t: number): boolean => Number.isFinite(t) && t >= 0 && t <= 8.64e15;

/** What walkSegment tells its caller, record by record, in file order. */
export interface RecordVisitor {
  assign?(slot: number, series: SeriesName | undefined): void;
  /**
   * A bucket record: column k's min, avg and max are floats[base + 3k], [base + 3k + 1] and
   * [base + 3k + 2]. `floats` views the whole file, so no object is made per record.
   */
  bucket?(startMs: number, floats: Float32Array, base: number): void;
  close?(t: number): void;
  /** The walk is over (the file's bytes may be reused after this). */
  end?(): void;
}

export interface WalkResult {
  readonly header: SegmentHeader;
  /** Bytes from the start of the file that decoded cleanly (header and whole records). */
  readonly validBytes: number;
  /** Why decoding stopped before the end of the file (a torn or damaged record). */
  readonly problem?: string;
}

/** The file's bytes as floats: in place when 4-aligned (always for our read buffers), else a copy. */
function floatsOf(file: Uint8Array): Float32Array {
  if (file.byteOffset % 4 === 0) return new Float32Array(file.buffer, file.byteOffset, file.byteLength >> 2);
  const copy = new Uint8Array(file.byteLength);
  copy.set(file);
  return new Float32Array(copy.buffer, 0, file.byteLength >> 2);
}

/**
 * The payload at [at, at + length) as a record told to `visit`, or why it is not one (a valid
 * checksum over nonsense is still nonsense).
 */
function visitPayload(
  file: Uint8Array,
  view: DataView,
  floats: Float32Array,
  at: number,
  length: number,
  slots: number,
  visit: RecordVisitor,
): string | undefined {
  const type = file[at];
  if (type === 1 && length >= 4 && length - 4 <= MAX_ASSIGN_JSON) {
    const slot = view.getUint16(at + 2, true);
    const json = Buffer.from(file.buffer, file.byteOffset + at + 4, length - 4).toString('utf8');
    const series = parseName(json);
    if (slot >= slots || series === null) return 'invalid assign record';
    visit.assign?.(slot, series);
    return undefined;
  }
  if (type === 2 && length === BUCKET_HEAD + slots * 12 && view.getUint16(at + 2, true) === slots) {
    const startMs = view.getFloat64(at + 8, true);
    if (!isTime(startMs)) return 'invalid bucket time';
    const from = at + BUCKET_HEAD;
    // Records start 4-aligned (encodeAssign pads), so the values sit at a whole float index; only a
    // foreign or damaged file gets here otherwise, and its values are copied out.
    if (from % 4 === 0) visit.bucket?.(startMs, floats, from >> 2);
    else visit.bucket?.(startMs, new Float32Array(file.slice(from, from + slots * 12).buffer), 0);
    return undefined;
  }
  if (type === 3 && length === 16) {
    const t = view.getFloat64(at + 8, true);
    if (!isTime(t)) return 'invalid close time';
    visit.close?.(t);
    return undefined;
  }
  return `unknown or malformed record (type ${String(type)}, ${length} bytes)`;
}

/**
 * Walks a whole segment, telling `visit` of each record. Throws only for a bad header; a record that
 * is cut short, fails its checksum or makes no sense ends the walk, with `problem` saying why and
 * `validBytes` where. Records wholly within the first `trustedBytes` skip their checksum: a caller
 * that already verified those bytes of an append-only file (disk-reader.ts) need not pay for it again.
 */
export function walkSegment(file: Uint8Array, visit: RecordVisitor, trustedBytes = 0): WalkResult {
  const header = decodeHeader(file);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const floats = floatsOf(file);
  const size = file.byteLength;
  let offset = HEADER_BYTES;
  let problem: string | undefined;
  while (offset < size) {
    if (size - offset < FRAME_BYTES) {
      problem = 'torn record frame';
      break;
    }
    const length = view.getUint32(offset, true);
    if (length < 1 || length > MAX_PAYLOAD) {
      problem = `invalid record length ${length}`;
      break;
    }
    const at = offset + FRAME_BYTES;
    if (at + length > size) {
      problem = 'torn record (shorter than its length)';
      break;
    }
    if (
      at + length > trustedBytes &&
      crc32(new Uint8Array(file.buffer, file.byteOffset + at, length)) !== view.getUint32(offset + 4, true)
    ) {
      problem = 'record checksum mismatch';
      break;
    }
    const why = visitPayload(file, view, floats, at, length, header.slots, visit);
    if (why !== undefined) {
      problem = why;
      break;
    }
    offset += FRAME_BYTES + length;
  }
  visit.end?.();
  return { header, validBytes: offset, ...(problem === undefined ? {} : { problem }) };
}

export interface DecodedSegment extends WalkResult {
  readonly records: SegmentRecord[];
}

/** Decodes a whole segment into records (walkSegment's rules); bucket values view the file. */
export function decodeSegment(file: Uint8Array, trustedBytes = 0): DecodedSegment {
  const records: SegmentRecord[] = [];
  const { slots } = decodeHeader(file);
  const result = walkSegment(
    file,
    {
      assign: (slot, series) => records.push({ type: 'assign', slot, series }),
      bucket: (startMs, floats, base) =>
        records.push({ type: 'bucket', startMs, values: floats.subarray(base, base + slots * 3) }),
      close: (t) => records.push({ type: 'close', t }),
    },
    trustedBytes,
  );
  return { ...result, records };
}
