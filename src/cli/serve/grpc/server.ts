/**
 * The gRPC server of `nmetrics serve --grpc-port N` (@grpc/grpc-js): darwinmetrics.v1.MetricsService,
 * server reflection (grpcurl and Postman discover the service without the .proto) and the standard
 * health service grpc.health.v1.Health (https://github.com/grpc/grpc/blob/master/doc/health-checking.md).
 *
 * Security as for HTTP: loopback by default; elsewhere only with a token, which every call but the
 * health check must present as `authorization: Bearer <token>` metadata (UNAUTHENTICATED otherwise),
 * as /healthz is open while the API is not.
 */
import {
  Server,
  ServerCredentials,
  ServerInterceptingCall,
  status,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { bearerToken, isLoopbackHost, tokensEqual } from '../http-util';
import { loadMetricsProto, PROTO_LOADER_OPTIONS, protoFilePath, SERVICE_NAME } from './proto';
import { createMetricsServiceImpl, type MetricsServiceDeps } from './service';

export interface GrpcServerOptions extends MetricsServiceDeps {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Required unless host is a loopback address. */
  readonly token?: string;
}

export interface GrpcServer {
  readonly port: number;
  /** Open StreamSamples calls. */
  readonly streams: number;
  /** Ends open streams, reports NOT_SERVING, and stops (forcibly after a second). */
  close(): Promise<void>;
}

const HEALTH_PATH_PREFIX = '/grpc.health.v1.Health/';

/** Refuses every call but the health check unless its metadata carries the token. */
function tokenInterceptor(token: string): ServerInterceptor {
  return (method, call) =>
    new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, nextMetadata) {
            const header = metadata.get('authorization')[0];
            const given = bearerToken(typeof header === 'string' ? header : undefined);
            if (
              method.path.startsWith(HEALTH_PATH_PREFIX) ||
              (given !== undefined && tokensEqual(given, token))
            )
              return nextMetadata(metadata);
            call.sendStatus({
              code: status.UNAUTHENTICATED,
              details: 'missing or wrong token: send "authorization: Bearer <token>" metadata',
            });
          },
        });
      },
    });
}

function bindAddress(host: string, port: number): string {
  return `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

export async function startGrpcServer(options: GrpcServerOptions): Promise<GrpcServer> {
  const { host, token } = options;
  if (!isLoopbackHost(host) && (token === undefined || token === ''))
    throw new RangeError(`token: binding to ${host} (not loopback) requires a token`);
  const file = protoFilePath();
  const { types } = loadMetricsProto(file);
  const service = types.darwinmetrics.v1.MetricsService.service;
  const encodeSample = service.StreamSamples.responseSerialize;
  const impl = createMetricsServiceImpl({ ...options, encodeSample });
  const server = new Server({ interceptors: token === undefined ? [] : [tokenInterceptor(token)] });
  // Streams write samples already encoded once per tick for every client (sample-encoder.ts).
  const streamSamples = {
    ...service.StreamSamples,
    responseSerialize: (value: unknown) =>
      Buffer.isBuffer(value) ? value : encodeSample(value as Parameters<typeof encodeSample>[0]),
  };
  server.addService({ ...service, StreamSamples: streamSamples }, impl.handlers);
  // Reflection describes both services, so `grpcurl list` shows the health service too.
  new ReflectionService(loadSync([file, healthProtoPath], PROTO_LOADER_OPTIONS)).addToServer(server);
  const health = new HealthImplementation({ '': 'SERVING', [SERVICE_NAME]: 'SERVING' });
  health.addToServer(server);

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(bindAddress(host, options.port), ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  );
  return {
    port,
    get streams() {
      return impl.streams;
    },
    close: () =>
      new Promise<void>((resolve) => {
        health.setStatus('', 'NOT_SERVING');
        health.setStatus(SERVICE_NAME, 'NOT_SERVING');
        impl.endStreams();
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1000);
        force.unref();
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
