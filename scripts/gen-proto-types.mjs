#!/usr/bin/env node
// Generates the TypeScript types of proto/darwinmetrics/v1/metrics.proto with @grpc/proto-loader's
// generator (https://github.com/grpc/grpc-node/tree/master/packages/proto-loader#generating-typescript-types)
// into src/cli/serve/grpc/generated. The flags follow LOADER_OPTIONS, the options the server loads the
// .proto with at run time (src/cli/serve/grpc/proto.ts; test/cli/serve/grpc-types.test.ts checks that
// both agree and that the committed types are current). Usage: node scripts/gen-proto-types.mjs [OUT_DIR]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROTO_FILE = 'proto/darwinmetrics/v1/metrics.proto';
export const DEFAULT_OUT_DIR = 'src/cli/serve/grpc/generated';
/** The proto-loader options, by name (the run-time object holds the Number constructor for longs). */
export const LOADER_OPTIONS = Object.freeze({
  keepCase: false,
  longs: 'Number',
  enums: 'String',
  defaults: true,
  oneofs: true,
});

export function generateProtoTypes(outDir = DEFAULT_OUT_DIR) {
  const out = resolve(root, outDir);
  rmSync(out, { recursive: true, force: true });
  const bin = join(root, 'node_modules', '.bin', 'proto-loader-gen-types');
  const flags = [
    `--longs=${LOADER_OPTIONS.longs}`,
    `--enums=${LOADER_OPTIONS.enums}`,
    ...(LOADER_OPTIONS.defaults ? ['--defaults'] : []),
    ...(LOADER_OPTIONS.oneofs ? ['--oneofs'] : []),
    '--includeComments',
    '--grpcLib=@grpc/grpc-js',
    `--outDir=${out}`,
    PROTO_FILE,
  ];
  const r = spawnSync(bin, flags, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`proto-loader-gen-types failed (${r.status}): ${r.stderr}`);
  return out;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`gen-proto-types: wrote ${generateProtoTypes(process.argv[2])}`);
}
