/**
 * Request checks and error replies of the gRPC handlers: a bad argument is INVALID_ARGUMENT with a
 * message naming the .proto field, as the HTTP and WebSocket routes name theirs.
 */
import { status, type ServerErrorResponse } from '@grpc/grpc-js';
import type { EventEmitter } from 'node:events';
import { pacedIntervalMs } from '../../../core/poller';
import { SECTIONS, type SectionName } from '../../../shared/sections';
import { INTERVAL_BOUNDS_MS } from '../../../shared/settings';
import { fromProtoSections } from './enums';
import type { StreamSamplesRequest__Output } from './generated/darwinmetrics/v1/StreamSamplesRequest';

export function rpcError(code: status, details: string): Partial<ServerErrorResponse> {
  return { code, details };
}

/** Bad arguments (our checks throw TypeError or RangeError naming the field) are INVALID_ARGUMENT. */
export function toRpcError(e: unknown): Partial<ServerErrorResponse> {
  const message = e instanceof Error ? e.message : String(e);
  return rpcError(
    e instanceof TypeError || e instanceof RangeError ? status.INVALID_ARGUMENT : status.INTERNAL,
    message,
  );
}

/** An AbortSignal that fires when the call is cancelled by the client or by its deadline. */
export function callSignal(call: EventEmitter): AbortSignal {
  const controller = new AbortController();
  call.once('cancelled', () => controller.abort());
  return controller.signal;
}

/** The sections a request names, in SECTIONS order (one encoding per set); none means all. */
export const sectionsOrAll = (values: readonly (string | number)[]): SectionName[] => {
  const named = values.length === 0 ? SECTIONS : fromProtoSections(values);
  return SECTIONS.filter((name) => named.includes(name));
};

export function streamInterval(request: StreamSamplesRequest__Output, baseMs: number): number {
  const requested = request.intervalMs;
  if (requested !== 0 && (requested < INTERVAL_BOUNDS_MS.min || requested > INTERVAL_BOUNDS_MS.max))
    throw new RangeError(
      `interval_ms: expected 0 (the server's interval) or ${INTERVAL_BOUNDS_MS.min} to ${INTERVAL_BOUNDS_MS.max}, got ${requested}`,
    );
  return pacedIntervalMs(requested === 0 ? baseMs : requested, baseMs);
}

export function historyRange(value: string | number): string {
  const range = typeof value === 'string' ? value.replace(/^HISTORY_RANGE_/, '').toLowerCase() : '';
  if (range === '' || range === 'unspecified')
    throw new RangeError(`range: expected one of HISTORY_RANGE_1M … HISTORY_RANGE_7D, got ${String(value)}`);
  return range;
}
