/**
 * Saving and restoring history across restarts.
 *
 * File layout (little-endian):
 *   0  "DMHIST\0\0"   magic
 *   8  u32 version    FILE_VERSION; another version is set aside, never misread
 *  12  gzip body      (gzip's CRC-32 and length trailer catch corruption and truncation)
 * Body: u32 header length, JSON header (tiers, series ids/labels/units, clocks), zero padding to a
 * multiple of 8, then per tier its slot→bucket Float64Array, then per series its per-tier Float32
 * rings and Float64 accumulators: the typed arrays exactly as they sit in memory.
 *
 * Writes go to a temp file that is fsynced and renamed over the old one, so a crash leaves the old
 * file or the new one, never half of one. A file that cannot be decoded is renamed aside
 * (`<path>.corrupt-<time>`) and reported in the result; start-up goes on with an empty history.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { writeFileAtomic } from '../files';
import { decodeBody, encodeBody } from './codec';
import type { HistoryStore } from './store';

export const FILE_MAGIC = Buffer.from('DMHIST\0\0', 'latin1');
export const FILE_VERSION = 1;
const PREFIX_BYTES = 12;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function encodeHistory(store: HistoryStore): Promise<Buffer> {
  const prefix = Buffer.alloc(PREFIX_BYTES);
  FILE_MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(FILE_VERSION, 8);
  // Level 1: the rings are mostly NaN runs early on and floats later; higher levels buy little here
  // and cost seconds of a libuv thread on a 48 MB history.
  const body = await gzipAsync(encodeBody(store), { level: 1 });
  return Buffer.concat([prefix, body]);
}

/** Decodes a whole file; throws an Error saying what is wrong with it. */
export async function decodeHistory(file: Buffer): Promise<HistoryStore> {
  if (file.length < PREFIX_BYTES || !file.subarray(0, 8).equals(FILE_MAGIC)) {
    throw new Error('not a darwinmetrics history file (bad magic)');
  }
  const version = file.readUInt32LE(8);
  if (version !== FILE_VERSION)
    throw new Error(`unsupported history file version ${version} (expected ${FILE_VERSION})`);
  let body: Buffer;
  try {
    body = await gunzipAsync(file.subarray(PREFIX_BYTES));
  } catch (error) {
    throw new Error(`corrupt or truncated body: ${(error as Error).message}`, { cause: error });
  }
  return decodeBody(body);
}

/** Writes the history to `path` atomically (core/files writeFileAtomic). */
export async function saveHistory(store: HistoryStore, path: string): Promise<void> {
  if (typeof path !== 'string' || path === '') throw new TypeError('path: expected a file path');
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('saveHistory: the file format is little-endian; this machine is not');
  }
  await writeFileAtomic(path, await encodeHistory(store));
}
