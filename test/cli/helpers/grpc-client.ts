/** Real @grpc/grpc-js clients for the gRPC tests: the metrics service, server reflection, health. */
import {
  credentials,
  loadPackageDefinition,
  makeGenericClientConstructor,
  Metadata,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GetHistoryRequest } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/GetHistoryRequest';
import type { GetHistoryResponse__Output } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/GetHistoryResponse';
import type { GetSnapshotRequest } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/GetSnapshotRequest';
import type { ListSensorsResponse__Output } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/ListSensorsResponse';
import type { ListSeriesResponse__Output } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/ListSeriesResponse';
import type { MetricsServiceClient } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/MetricsService';
import type { Sample__Output } from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/Sample';
import { loadMetricsProto } from '../../../src/cli/serve/grpc/proto';

export function metricsClient(port: number): MetricsServiceClient {
  const { types } = loadMetricsProto();
  return new types.darwinmetrics.v1.MetricsService(`127.0.0.1:${port}`, credentials.createInsecure());
}

export function bearer(token: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

type Callback<Res> = (error: ServiceError | null, response?: Res) => void;

function settle<Res>(resolve: (r: Res) => void, reject: (e: ServiceError) => void): Callback<Res> {
  return (error, response) => (error === null ? resolve(response!) : reject(error));
}

/** The unary methods as promises. */
export interface MetricsCalls {
  getSnapshot(request: GetSnapshotRequest, metadata?: Metadata): Promise<Sample__Output>;
  getHistory(request: GetHistoryRequest, metadata?: Metadata): Promise<GetHistoryResponse__Output>;
  listSeries(metadata?: Metadata): Promise<ListSeriesResponse__Output>;
  listSensors(metadata?: Metadata): Promise<ListSensorsResponse__Output>;
}

export function calls(client: MetricsServiceClient): MetricsCalls {
  return {
    getSnapshot: (request, metadata = new Metadata()) =>
      new Promise((resolve, reject) => client.GetSnapshot(request, metadata, settle(resolve, reject))),
    getHistory: (request, metadata = new Metadata()) =>
      new Promise((resolve, reject) => client.GetHistory(request, metadata, settle(resolve, reject))),
    listSeries: (metadata = new Metadata()) =>
      new Promise((resolve, reject) => client.ListSeries({}, metadata, settle(resolve, reject))),
    listSensors: (metadata = new Metadata()) =>
      new Promise((resolve, reject) => client.ListSensors({}, metadata, settle(resolve, reject))),
  };
}

/** The services a server lists through grpc.reflection.v1. */
export function reflectedServices(port: number, metadata = new Metadata()): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@grpc/reflection/package.json'));
  const definition = loadSync(join(root, 'build/proto/grpc/reflection/v1/reflection.proto'), {
    keepCase: true,
    oneofs: true,
  });
  const pkg = loadPackageDefinition(definition) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: new (address: string, creds: unknown) => Client } } };
  };
  const client = new pkg.grpc.reflection.v1.ServerReflection(
    `127.0.0.1:${port}`,
    credentials.createInsecure(),
  );
  return new Promise((resolve, reject) => {
    const call = (
      client as unknown as {
        ServerReflectionInfo(
          metadata: Metadata,
        ): NodeJS.ReadWriteStream & { end(): void; write(v: unknown): void };
      }
    ).ServerReflectionInfo(metadata);
    call.on('data', (response: { list_services_response?: { service: { name: string }[] } }) => {
      resolve((response.list_services_response?.service ?? []).map((s) => s.name));
      call.end();
    });
    call.on('error', reject);
    call.write({ list_services: '' });
  });
}

/** grpc.health.v1.Health/Check for a service name ('' is the server as a whole). */
export function healthCheck(port: number, service: string, metadata = new Metadata()): Promise<string> {
  const Health = makeGenericClientConstructor(healthService, 'Health');
  const client = new Health(`127.0.0.1:${port}`, credentials.createInsecure()) as unknown as Client & {
    Check(request: { service: string }, metadata: Metadata, callback: Callback<{ status: string }>): unknown;
  };
  return new Promise<{ status: string }>((resolve, reject) =>
    client.Check({ service }, metadata, settle(resolve, reject)),
  ).then((r) => r.status);
}
