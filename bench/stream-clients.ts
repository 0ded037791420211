/**
 * Stream clients for bench/streaming-load.bench.ts, one per transport, each recording the delivery
 * delay of every sample: the receive time minus the sample's own timestamp (the moment the sampler
 * read the machine, so sampling and derive time are included alike for every transport). Clients
 * read only the timestamp: the bench measures the transport, not a client's JSON or protobuf decoder.
 */
import { credentials, makeGenericClientConstructor, type Client } from '@grpc/grpc-js';
import { request } from 'node:http';
import WebSocket from 'ws';
import { loadMetricsProto } from '../src/cli/serve/grpc/proto';

export interface StreamClient {
  readonly delaysMs: number[];
  close(): void;
}

const T_IN_JSON = /"t":(\d+)/;

function record(delays: number[], t: number): void {
  if (Number.isFinite(t)) delays.push(Date.now() - t);
}

/** GET /api/stream (the dashboard's Server-Sent Events), every pushed sample. */
export function sseClient(base: string): StreamClient {
  const delaysMs: number[] = [];
  let pending = '';
  const req = request(`${base}/api/stream`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf('\n\n')) >= 0) {
        const event = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (event.startsWith('event: metrics:sample\n')) record(delaysMs, Number(T_IN_JSON.exec(event)?.[1]));
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return { delaysMs, close: () => req.destroy() };
}

/** /api/ws with every section at `intervalMs`. */
export function wsClient(base: string, sections: readonly string[], intervalMs: number): StreamClient {
  const delaysMs: number[] = [];
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/ws`);
  ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', sections, intervalMs })));
  ws.on('message', (data) => {
    const text = data.toString();
    if (text.startsWith('{"type":"sample"')) record(delaysMs, Number(T_IN_JSON.exec(text)?.[1]));
  });
  ws.on('error', () => undefined);
  return { delaysMs, close: () => ws.terminate() };
}

/** t_ms is field 1 (a varint, tag 0x08), written first: https://protobuf.dev/programming-guides/encoding/ */
function leadingTimestamp(buffer: Buffer): number {
  if (buffer[0] !== 0x08) return NaN;
  let value = 0;
  for (let i = 1, shift = 1; i < buffer.length && i < 11; i++, shift *= 128) {
    value += (buffer[i]! & 0x7f) * shift;
    if ((buffer[i]! & 0x80) === 0) return value;
  }
  return NaN;
}

/** darwinmetrics.v1.MetricsService/StreamSamples with every section at `intervalMs`. */
export function grpcClient(address: string, sections: readonly string[], intervalMs: number): StreamClient {
  const delaysMs: number[] = [];
  const { types } = loadMetricsProto();
  const definition = types.darwinmetrics.v1.MetricsService.service;
  const stream = { ...definition.StreamSamples, responseDeserialize: (b: Buffer) => leadingTimestamp(b) };
  const Ctor = makeGenericClientConstructor({ StreamSamples: stream }, 'MetricsService');
  const client = new Ctor(address, credentials.createInsecure()) as unknown as Client & {
    StreamSamples(request: unknown): NodeJS.ReadableStream & { cancel(): void };
  };
  const sectionEnums = sections.map((s) => `SECTION_${s.toUpperCase()}`);
  const call = client.StreamSamples({ sections: sectionEnums, intervalMs });
  call.on('data', (t: number) => record(delaysMs, t));
  call.on('error', () => undefined);
  return {
    delaysMs,
    close: () => {
      call.cancel();
      client.close();
    },
  };
}
