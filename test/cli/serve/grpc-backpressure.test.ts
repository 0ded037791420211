/**
 * A gRPC stream whose client stops reading: HTTP/2 flow control stops grpc-js's writes, the write
 * promise stays pending, and the poller's one-slot mailbox (core/poller-subscriber, real here) drops
 * the older samples, so the server holds one sample for the client, not a backlog.
 */
import type { ClientReadableStream } from '@grpc/grpc-js';
import { afterEach, expect, it } from 'vitest';
import type { Sample__Output } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/Sample';
import { startGrpcServer, type GrpcServer } from '../../../src/cli/serve/grpc/server';
import type { Sample } from '../../../src/shared/sample';
import { fullSample } from '../../core/export/full-sample';
import { metricsClient } from '../helpers/grpc-client';
import { FedPoller } from '../helpers/fed-poller';

let server: GrpcServer | undefined;
afterEach(async () => server?.close());

it('holds one sample for a gRPC client that stops reading, and sends it the newest when it reads again', async () => {
  const poller = new FedPoller();
  server = await startGrpcServer({
    poller,
    backend: { invoke: async () => null },
    host: '127.0.0.1',
    port: 0,
    maxStreams: 1,
  });
  const client = metricsClient(server.port);
  const call: ClientReadableStream<Sample__Output> = client.StreamSamples({ sections: ['SECTION_CPU'] });
  const received: number[] = [];
  call.on('data', (s: Sample__Output) => received.push(s.tMs));
  call.on('error', () => undefined);
  while (poller.subscribers.size === 0) await new Promise((r) => setTimeout(r, 10));
  const cpu = fullSample().cpu;
  if (!cpu?.ok) throw new Error('fullSample has a cpu section');
  const big = (t: number): Sample => ({
    t,
    mono: t * 1e6,
    cpu: { ok: true, value: { ...cpu.value, model: 'x'.repeat(1 << 20) } },
  });
  poller.push(big(250));
  while (received.length === 0) await new Promise((r) => setTimeout(r, 10));
  call.pause();
  const pushed = 200; // 200 MiB offered
  for (let i = 2; i <= pushed; i++) {
    poller.push(big(i * 250));
    await new Promise((r) => setImmediate(r));
  }
  const [subscriber] = poller.subscribers;
  // All but a few were replaced in the mailbox while the write waited on the client's flow control.
  expect(subscriber!.dropped).toBeGreaterThan(pushed - 20);
  call.resume();
  while (!received.includes(pushed * 250)) await new Promise((r) => setTimeout(r, 20));
  expect(received.length).toBeLessThan(20);
  call.cancel();
  client.close();
});
