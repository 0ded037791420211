/**
 * Sends line protocol to InfluxDB 1.x (`POST /write?db=...&precision=ms`) in batches, retrying with
 * exponential backoff. The buffer is bounded: when InfluxDB is down for long, the oldest lines are
 * dropped and counted, so memory stays flat and the caller can say exactly what was lost.
 */
import { sleep } from '../async';

export interface InfluxWriterOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:8086 */
  readonly url: string;
  readonly db: string;
  /** Lines per request (default 5000, InfluxDB's recommended batch size). */
  readonly batchLines?: number;
  /** Most lines held while the server is unreachable (default 100 000). */
  readonly maxBufferLines?: number;
  /** First retry delay, doubled per failure up to maxBackoffMs (defaults 500 ms and 30 s). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly username?: string;
  readonly password?: string;
  /** Longest wait for one request's answer before it counts as failed and is retried (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Called on every failed attempt and on drops. */
  readonly onEvent?: (event: InfluxWriterEvent) => void;
  readonly fetch?: typeof fetch;
}

export type InfluxWriterEvent =
  | { readonly kind: 'retry'; readonly error: string; readonly delayMs: number }
  | { readonly kind: 'rejected'; readonly status: number; readonly error: string; readonly lines: number }
  | { readonly kind: 'dropped'; readonly lines: number; readonly totalDropped: number };

export interface InfluxWriterStats {
  readonly written: number;
  readonly dropped: number;
  readonly rejected: number;
  readonly buffered: number;
}

export interface InfluxWriter {
  /** Queues lines; never blocks. */
  add(lines: readonly string[]): void;
  /** Sends everything buffered (retrying until it succeeds, is rejected, or signal aborts). */
  flush(signal?: AbortSignal): Promise<void>;
  stats(): InfluxWriterStats;
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v <= 0)
    throw new RangeError(`${name}: expected a positive whole number, got ${value}`);
  return v;
}

/**
 * Most of a reply body read: InfluxDB answers a write with an empty 204 or a short JSON error
 * (docs.influxdata.com/influxdb/v1/tools/api/#write-http-endpoint); a server streaming more is not
 * one, and must not fill our memory (issue #17).
 */
const MAX_REPLY_BYTES = 64 * 1024;

/** The first MAX_REPLY_BYTES of a reply body as text; the rest is not read. */
async function replyText(res: Response): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_REPLY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_REPLY_BYTES).toString('utf8');
}

export function createInfluxWriter(options: InfluxWriterOptions): InfluxWriter {
  let base: URL;
  try {
    base = new URL('/write', options.url);
  } catch {
    throw new RangeError(`influx: "${options.url}" is not a URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new RangeError(`influx: expected an http(s) URL, got "${options.url}"`);
  if (options.db === '') throw new RangeError('db: expected a database name');
  base.searchParams.set('db', options.db);
  base.searchParams.set('precision', 'ms');
  const batchLines = positiveInt('batchLines', options.batchLines, 5000);
  const maxBuffer = positiveInt('maxBufferLines', options.maxBufferLines, 100_000);
  const backoff0 = positiveInt('backoffMs', options.backoffMs, 500);
  const backoffMax = positiveInt('maxBackoffMs', options.maxBackoffMs, 30_000);
  const requestTimeoutMs = positiveInt('requestTimeoutMs', options.requestTimeoutMs, 30_000);
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (options.username !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
  }
  const buffer: string[] = [];
  let written = 0;
  let dropped = 0;
  let rejected = 0;
  let flushing: Promise<void> | undefined;
  let inflight = 0;

  /** Drops the oldest queued lines beyond the bound (lines in flight count towards it). */
  function trim(): void {
    const excess = buffer.length + inflight - maxBuffer;
    if (excess <= 0) return;
    const n = Math.min(excess, buffer.length);
    buffer.splice(0, n);
    dropped += n;
    options.onEvent?.({ kind: 'dropped', lines: n, totalDropped: dropped });
  }

  async function send(
    batch: readonly string[],
    signal?: AbortSignal,
  ): Promise<'ok' | 'rejected' | 'aborted'> {
    let delay = backoff0;
    for (;;) {
      if (signal?.aborted) return 'aborted';
      let error: string;
      try {
        // A server that accepts the connection and never answers must not hold the flush forever.
        const timeout = AbortSignal.timeout(requestTimeoutMs);
        const res = await doFetch(base, {
          method: 'POST',
          headers,
          body: batch.join('\n') + '\n',
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        const body = await replyText(res);
        if (res.ok) return 'ok';
        error = `HTTP ${res.status}: ${body.trim().slice(0, 300)}`;
        // 4xx other than 429 means the data or the database is wrong: retrying cannot help.
        if (res.status >= 400 && res.status < 500 && res.status !== 429) {
          options.onEvent?.({ kind: 'rejected', status: res.status, error, lines: batch.length });
          return 'rejected';
        }
      } catch (e) {
        if (signal?.aborted) return 'aborted';
        error =
          e instanceof Error
            ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`
            : String(e);
      }
      options.onEvent?.({ kind: 'retry', error, delayMs: delay });
      await sleep(delay, signal);
      delay = Math.min(delay * 2, backoffMax);
    }
  }

  async function drain(signal?: AbortSignal): Promise<void> {
    while (buffer.length > 0) {
      const batch = buffer.splice(0, batchLines);
      inflight = batch.length;
      const result = await send(batch, signal);
      inflight = 0;
      if (result === 'aborted') {
        buffer.unshift(...batch);
        trim();
        return;
      }
      if (result === 'ok') written += batch.length;
      else rejected += batch.length;
    }
  }

  return {
    add(lines) {
      for (const line of lines) buffer.push(line);
      trim();
    },
    flush(signal) {
      flushing ??= drain(signal).finally(() => (flushing = undefined));
      return flushing;
    },
    stats: () => ({ written, dropped, rejected, buffered: buffer.length + inflight }),
  };
}
