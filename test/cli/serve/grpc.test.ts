/**
 * The gRPC service of `nmetrics serve --grpc-port` with a real @grpc/grpc-js client against the real
 * command on a loopback port, sampling this machine; reflection and health as grpcurl and
 * Kubernetes would ask for them.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import type { MetricsServiceClient } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/MetricsService';
import type { Sample__Output } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/Sample';
import {
  bearer,
  calls,
  healthCheck,
  metricsClient,
  reflectedServices,
  type MetricsCalls,
} from '../helpers/grpc-client';
import { fakeIo } from '../helpers/fake-io';
import { runServe, type RunningServe } from '../helpers/run-serve';

const TOKEN = 'correct-horse-battery-staple';

function grpcPortOf(serve: RunningServe): number {
  const m = /gRPC on \S+:(\d+) /.exec(serve.io.out());
  if (m === null) throw new Error(`no gRPC port in: ${serve.io.out()}`);
  return Number(m[1]);
}

/** The first `count` messages of a stream, then cancels it. */
function firstOfStream(
  client: MetricsServiceClient,
  request: object,
  count: number,
): Promise<Sample__Output[]> {
  return new Promise((resolve, reject) => {
    const out: Sample__Output[] = [];
    const call = client.StreamSamples(request);
    call.on('data', (sample: Sample__Output) => {
      out.push(sample);
      if (out.length === count) {
        call.cancel();
        resolve(out);
      }
    });
    call.on('error', (e: ServiceError) => {
      if (e.code !== status.CANCELLED) reject(e);
    });
  });
}

function streamError(
  client: MetricsServiceClient,
  request: object,
  metadata = bearer(''),
): Promise<ServiceError> {
  return new Promise((resolve) => {
    const call = client.StreamSamples(request, metadata);
    call.on('data', () => undefined);
    call.on('error', resolve);
  });
}

describe('nmetrics serve --grpc-port (loopback, no token)', () => {
  let serve: RunningServe;
  let port: number;
  let client: MetricsServiceClient;
  let rpc: MetricsCalls;
  beforeAll(async () => {
    serve = await runServe(['--interval', '250ms', '--sections', 'cpu', '--grpc-port', '0']);
    port = grpcPortOf(serve);
    client = metricsClient(port);
    rpc = calls(client);
  });
  afterAll(async () => {
    client.close();
    expect(await serve.stop()).toBe(0);
  });

  it('answers GetSnapshot with typed sections, only those asked for', async () => {
    const sample = await rpc.getSnapshot({ sections: ['SECTION_CPU', 'SECTION_MEMORY'] });
    expect(sample.tMs).toBeGreaterThan(1.7e12);
    expect(sample.cpu?.logicalCores).toBeGreaterThan(0);
    expect(sample.cpu?.loadAvg).toHaveLength(3);
    expect(sample.memory?.totalBytes).toBeGreaterThan(0);
    expect(sample.memory!.usedPercent).toBeGreaterThanOrEqual(0);
    expect(sample.processes).toBeNull();
    expect(sample.host).toBeNull();
  });

  it('streams at least three samples with increasing timestamps', async () => {
    const samples = await firstOfStream(client, { sections: ['SECTION_CPU'], intervalMs: 250 }, 3);
    for (let i = 1; i < samples.length; i++) expect(samples[i]!.tMs).toBeGreaterThan(samples[i - 1]!.tMs);
    expect(samples[2]!.cpu?.usage?.busy).toBeGreaterThanOrEqual(0);
    expect(samples[2]!.memory).toBeNull();
  });

  it('lists series and answers history queries from the server history', async () => {
    const { series } = await rpc.listSeries();
    expect(series.find((s) => s.id === 'cpu.busy')).toEqual({ id: 'cpu.busy', label: 'CPU busy', unit: '%' });
    const history = await rpc.getHistory({
      series: ['cpu.busy'],
      range: 'HISTORY_RANGE_1M',
      maxPoints: 60,
    });
    expect(history.range).toBe('HISTORY_RANGE_1M');
    expect(history.series[0]!.id).toBe('cpu.busy');
    expect(history.series[0]!.tMs.length).toBeGreaterThan(0);
    expect(history.series[0]!.avg).toHaveLength(history.series[0]!.tMs.length);
  });

  it('lists the machine sensors, or says why it cannot', async () => {
    const sensors = await rpc.listSensors();
    // This machine may have no hwmon or fans: then each missing section is an error with its reason.
    expect(sensors.temperatures.length + sensors.errors.length).toBeGreaterThan(0);
    for (const t of sensors.temperatures) expect(t.group).toMatch(/^SENSOR_GROUP_/);
    for (const e of sensors.errors) expect(['SECTION_THERMAL', 'SECTION_FANS']).toContain(e.section);
  });

  it('refuses bad arguments with INVALID_ARGUMENT naming the field', async () => {
    const bad = await streamError(client, { sections: ['SECTION_CPU'], intervalMs: 5 });
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.details).toMatch(/^interval_ms: expected 0/);
    const unspecified = await streamError(client, { sections: ['SECTION_UNSPECIFIED'] });
    expect(unspecified.details).toBe('sections[0]: not a section: SECTION_UNSPECIFIED');
    await expect(rpc.getHistory({ series: ['cpu.busy'], maxPoints: 10 })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringMatching(/^range: /),
    });
    await expect(
      rpc.getHistory({ series: ['cpu.busy'], range: 'HISTORY_RANGE_1H', maxPoints: 0 }),
    ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/maxPoints/) });
  });

  it('lists its services through reflection and reports SERVING on the health service', async () => {
    const services = await reflectedServices(port);
    expect(services).toContain('darwinmetrics.v1.MetricsService');
    expect(services).toContain('grpc.health.v1.Health');
    expect(await healthCheck(port, '')).toBe('SERVING');
    expect(await healthCheck(port, 'darwinmetrics.v1.MetricsService')).toBe('SERVING');
  });
});

describe('nmetrics serve --grpc-port with a token', () => {
  let serve: RunningServe;
  let port: number;
  let client: MetricsServiceClient;
  let rpc: MetricsCalls;
  beforeAll(async () => {
    serve = await runServe([
      '--interval',
      '250ms',
      '--sections',
      'cpu',
      '--grpc-port',
      '0',
      '--token',
      TOKEN,
    ]);
    port = grpcPortOf(serve);
    client = metricsClient(port);
    rpc = calls(client);
  });
  afterAll(async () => {
    client.close();
    expect(await serve.stop()).toBe(0);
  });

  it('refuses a missing or wrong token with UNAUTHENTICATED and serves the right one', async () => {
    const snapshot = (metadata?: ReturnType<typeof bearer>) =>
      rpc.getSnapshot({ sections: ['SECTION_CPU'] }, metadata);
    await expect(snapshot()).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(snapshot(bearer('wrong-token-wrong-token'))).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
    });
    expect((await streamError(client, { sections: ['SECTION_CPU'] }, bearer('nope'))).code).toBe(
      status.UNAUTHENTICATED,
    );
    await expect(reflectedServices(port)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    expect((await snapshot(bearer(TOKEN))).cpu?.logicalCores).toBeGreaterThan(0);
    expect(await reflectedServices(port, bearer(TOKEN))).toContain('darwinmetrics.v1.MetricsService');
    // Health stays open, as /healthz does over HTTP.
    expect(await healthCheck(port, '')).toBe('SERVING');
  });
});

describe('nmetrics serve --grpc-port on a port in use', () => {
  it('says so and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as AddressInfo;
    try {
      const io = fakeIo();
      expect(
        await runCli(['serve', '--port', '0', '--grpc-port', String(port), '--sections', 'cpu'], io),
      ).toBe(1);
      expect(io.err()).toBe(`nmetrics serve: cannot serve gRPC on 127.0.0.1:${port}: the port is in use\n`);
    } finally {
      blocker.close();
    }
  });
});
