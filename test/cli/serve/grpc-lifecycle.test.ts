/**
 * gRPC calls and the poller they share: a stream is one poller subscription for as long as the
 * client wants it, and not a moment longer (cancel, deadline, server shutdown). Runs the gRPC server
 * over a real poller of this machine so the test can watch the poller's demand.
 */
import { status, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPoller, type Poller } from '../../../src/core/poller';
import { createSampler } from '../../../src/core/sampler';
import type { Sample__Output } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/Sample';
import type { MetricsServiceClient } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/MetricsService';
import { startGrpcServer, type GrpcServer } from '../../../src/cli/serve/grpc/server';
import { metricsClient } from '../helpers/grpc-client';
import { waitFor } from '../helpers/ports';

let poller: Poller;
let server: GrpcServer;
let client: MetricsServiceClient;
let stopBase: () => void;

beforeEach(async () => {
  poller = createPoller({ source: createSampler(), intervalMs: 250, ownsSource: true });
  // What `nmetrics serve --sections cpu` keeps sampling for /metrics and its history.
  stopBase = poller.subscribe(['cpu'], () => undefined);
  server = await startGrpcServer({
    poller,
    backend: { invoke: () => Promise.reject(new Error('no history here')) },
    host: '127.0.0.1',
    port: 0,
    maxStreams: 2,
  });
  client = metricsClient(server.port);
});
afterEach(async () => {
  client.close();
  await server.close();
  stopBase();
  await poller.close();
});

const firstSample = (call: ClientReadableStream<Sample__Output>) =>
  new Promise<Sample__Output>((resolve) => call.once('data', resolve));
const errorOf = (call: ClientReadableStream<Sample__Output>) =>
  new Promise<ServiceError>((resolve) => call.on('error', resolve));
const demandHasNetwork = () => poller.demand().includes('network');

describe('gRPC streams and the shared poller', () => {
  it('drops the poller subscription when the client cancels mid-stream', async () => {
    const call = client.StreamSamples({ sections: ['SECTION_NETWORK'], intervalMs: 250 });
    const errored = errorOf(call);
    expect((await firstSample(call)).network?.interfaces.length).toBeGreaterThan(0);
    expect(demandHasNetwork()).toBe(true);
    expect(server.streams).toBe(1);
    call.cancel();
    expect((await errored).code).toBe(status.CANCELLED);
    await waitFor(async () => !demandHasNetwork() && server.streams === 0, 'the subscription to go');
    expect(poller.demand()).toEqual(['cpu']);
  });

  it('ends a stream at its deadline and drops its subscription', async () => {
    const call = client.StreamSamples({ sections: ['SECTION_NETWORK'] }, { deadline: Date.now() + 1500 });
    const errored = errorOf(call);
    await firstSample(call);
    expect(demandHasNetwork()).toBe(true);
    expect((await errored).code).toBe(status.DEADLINE_EXCEEDED);
    await waitFor(async () => !demandHasNetwork() && server.streams === 0, 'the subscription to go');
  });

  it('gives up a snapshot that waits for its read when its deadline passes', async () => {
    // Its own poller whose network reads take 3 s: the 100 ms deadline passes first however the
    // ticks fall on a loaded machine.
    const real = createSampler();
    const slow = createPoller({
      source: {
        sample: async (sections) => {
          if (sections?.includes('network')) await new Promise((r) => setTimeout(r, 3000));
          return real.sample(sections);
        },
        close: () => real.close(),
      },
      intervalMs: 1000,
      ownsSource: true,
    });
    const slowServer = await startGrpcServer({
      poller: slow,
      backend: { invoke: () => Promise.reject(new Error('no history here')) },
      host: '127.0.0.1',
      port: 0,
      maxStreams: 2,
    });
    const slowClient = metricsClient(slowServer.port);
    try {
      const error = await new Promise<ServiceError | null>((resolve) =>
        slowClient.GetSnapshot({ sections: ['SECTION_NETWORK'] }, { deadline: Date.now() + 100 }, (e) =>
          resolve(e),
        ),
      );
      expect(error?.code).toBe(status.DEADLINE_EXCEEDED);
      await waitFor(async () => !slow.demand().includes('network'), 'the snapshot subscription to go');
    } finally {
      slowClient.close();
      await slowServer.close();
      await slow.close();
    }
  });

  it('caps open streams with RESOURCE_EXHAUSTED', async () => {
    const calls = [0, 1].map(() => client.StreamSamples({ sections: ['SECTION_CPU'] }));
    for (const c of calls) void errorOf(c);
    await Promise.all(calls.map(firstSample));
    const third = client.StreamSamples({ sections: ['SECTION_CPU'] });
    expect(await errorOf(third)).toMatchObject({ code: status.RESOURCE_EXHAUSTED });
    for (const c of calls) c.cancel();
  });

  it('refuses to bind off loopback without a token', async () => {
    await expect(
      startGrpcServer({
        poller,
        backend: { invoke: async () => null },
        host: '0.0.0.0',
        port: 0,
        maxStreams: 1,
      }),
    ).rejects.toThrow('token: binding to 0.0.0.0 (not loopback) requires a token');
  });

  it('ends open streams with OK when the server closes', async () => {
    const call = client.StreamSamples({ sections: ['SECTION_NETWORK'] });
    await firstSample(call);
    const ended = new Promise<number>((resolve) =>
      call.on('status', (s: { code: number }) => resolve(s.code)),
    );
    await server.close();
    expect(await ended).toBe(status.OK);
    expect(demandHasNetwork()).toBe(false);
  });
});
