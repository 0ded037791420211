/**
 * The streaming transports of `nmetrics serve`, started beside its HTTP server: the WebSocket
 * endpoint on the HTTP server's port (/api/ws) and, with --grpc-port, the gRPC server. Both follow
 * the one poller the server samples with.
 */
import type { Server } from 'node:http';
import type { Poller } from '../../core/poller';
import type { WebBackend } from './backend';
import { startGrpcServer, type GrpcServer } from './grpc/server';
import { createWsEndpoint, type WsEndpointOptions } from './ws-endpoint';

export interface StreamingOptions {
  readonly httpServer: Server;
  readonly poller: Pick<Poller, 'subscribe' | 'samples' | 'latest' | 'intervalMs'>;
  readonly backend: Pick<WebBackend, 'invoke'>;
  readonly host: string;
  readonly token?: string;
  /** Concurrent streams per transport (serve --max-streams, as for the SSE stream). */
  readonly maxStreams: number;
  /** Absent: no gRPC server. */
  readonly grpcPort?: number;
  readonly ws?: Pick<WsEndpointOptions, 'pingIntervalMs' | 'idleTimeoutMs'>;
}

export interface Streaming {
  /** The gRPC server, when one was asked for. */
  readonly grpc?: GrpcServer;
  close(): Promise<void>;
}

export async function startStreaming(options: StreamingOptions): Promise<Streaming> {
  const auth = options.token === undefined ? {} : { token: options.token };
  const ws = createWsEndpoint({
    poller: options.poller,
    maxSockets: options.maxStreams,
    ...auth,
    ...options.ws,
  });
  const onUpgrade = ws.handleUpgrade.bind(ws);
  options.httpServer.on('upgrade', onUpgrade);
  const close = async (grpc?: GrpcServer) => {
    options.httpServer.off('upgrade', onUpgrade);
    ws.close();
    await grpc?.close();
  };
  if (options.grpcPort === undefined) return { close: () => close() };
  let grpc: GrpcServer;
  try {
    grpc = await startGrpcServer({
      poller: options.poller,
      backend: options.backend,
      host: options.host,
      port: options.grpcPort,
      maxStreams: options.maxStreams,
      ...auth,
    });
  } catch (e) {
    await close();
    throw e;
  }
  return { grpc, close: () => close(grpc) };
}
