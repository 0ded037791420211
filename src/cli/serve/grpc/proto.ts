/**
 * The committed contract, proto/darwinmetrics/v1/metrics.proto, loaded at run time with
 * @grpc/proto-loader. The options must be the ones scripts/gen-proto-types.mjs generates the types in
 * ./generated with (test/cli/serve/grpc-types.test.ts checks both).
 */
import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackageRoot } from '../../../core/native';
import type { ProtoGrpcType } from './generated/metrics';

export const PROTO_FILE = 'proto/darwinmetrics/v1/metrics.proto';
export const SERVICE_NAME = 'darwinmetrics.v1.MetricsService';

export const PROTO_LOADER_OPTIONS = Object.freeze({
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
}) satisfies Options;

/** The .proto file in the package (source tree or installed package). */
export function protoFilePath(): string {
  const root = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
  const file = root === undefined ? undefined : join(root, PROTO_FILE);
  if (file === undefined || !existsSync(file))
    throw new Error(`${PROTO_FILE} not found next to the nmetrics package; reinstall the package`);
  return file;
}

export interface LoadedProto {
  readonly definition: PackageDefinition;
  readonly types: ProtoGrpcType;
}

export function loadMetricsProto(file = protoFilePath()): LoadedProto {
  const definition = loadSync(file, PROTO_LOADER_OPTIONS);
  return { definition, types: loadPackageDefinition(definition) as unknown as ProtoGrpcType };
}
