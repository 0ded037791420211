/**
 * The .proto's real consumers in another language: Google's protoc compiles it, and Python's protobuf
 * runtime (its C++ implementation, which rejects invalid UTF-8 as Go's does) decodes the Sample bytes
 * the server writes, into typed fields. Needs Debian's protobuf-compiler and python3-protobuf.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageTypeDefinition } from '@grpc/proto-loader';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  Sample as SampleMessage,
  Sample__Output,
} from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/Sample';
import { loadMetricsProto, PROTO_FILE } from '../../../src/cli/serve/grpc/proto';
import { toSampleMessage } from '../../../src/cli/serve/grpc/sample-message';
import { fullSample, partialSample } from '../../core/export/full-sample';

const PYTHON = '/usr/bin/python3';
const available =
  spawnSync('protoc', ['--version']).status === 0 &&
  spawnSync(PYTHON, ['-c', 'import google.protobuf']).status === 0;
if (!available) console.warn('grpc-python test skipped: needs protoc and python3-protobuf (Debian)');

/** Decodes Sample bytes with the Python classes protoc generated, printed as proto3 JSON. */
const DECODE = `
import json, sys
sys.path.insert(0, sys.argv[1])
from darwinmetrics.v1 import metrics_pb2
from google.protobuf.json_format import MessageToDict
sample = metrics_pb2.Sample.FromString(open(sys.argv[2], 'rb').read())
print(json.dumps(MessageToDict(sample, preserving_proto_field_name=True)))
`;

/** The fields the test reads of proto3 JSON (64-bit integers are strings there). */
interface DecodedSample {
  readonly t_ms: string;
  readonly cpu: { readonly load_avg: number[] };
  readonly memory: { readonly total_bytes: string };
  readonly power: { readonly batteries: { readonly id: string; readonly percent?: number }[] };
  readonly network: { readonly interfaces: { readonly kind: string }[] };
  readonly processes: { readonly processes: { readonly name: string }[] };
  readonly fans?: unknown;
  readonly errors?: unknown[];
}

describe.runIf(available)('the .proto in Python (protoc, python3-protobuf)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-proto-python-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { definition } = loadMetricsProto();
  const type = definition['darwinmetrics.v1.Sample'] as MessageTypeDefinition<SampleMessage, Sample__Output>;

  function decodeInPython(bytes: Buffer): DecodedSample {
    const file = join(dir, `sample-${Math.random().toString(36).slice(2)}.bin`);
    writeFileSync(file, bytes);
    const r = spawnSync(PYTHON, ['-c', DECODE, dir, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python: ${r.stderr}`);
    return JSON.parse(r.stdout) as DecodedSample;
  }

  it('compiles with protoc', () => {
    const r = spawnSync('protoc', ['-Iproto', `--python_out=${dir}`, PROTO_FILE.replace(/^proto\//, '')], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('decodes a full sample into typed fields, hostile process names included', () => {
    const sample = fullSample();
    const decoded = decodeInPython(type.serialize(toSampleMessage(sample)));
    expect(Number(decoded.t_ms)).toBe(sample.t);
    expect(decoded.cpu.load_avg).toEqual(sample.cpu?.ok ? [...sample.cpu.value.loadAvg] : []);
    expect(Number(decoded.memory.total_bytes)).toBe(sample.memory?.ok ? sample.memory.value.totalBytes : 0);
    expect(decoded.power.batteries.find((b) => b.id === 'BAT0')?.percent).toBe(81);
    expect(decoded.network.interfaces[0]!.kind).toMatch(/^INTERFACE_KIND_/);
    const names = decoded.processes.processes.map((p) => p.name);
    expect(names).toContain('lone \uFFFD surrogate');
    expect(names).toContain('emoji 🐍 ünïcødé');
  });

  it('decodes a failed section as an error with its reason', () => {
    const decoded = decodeInPython(type.serialize(toSampleMessage(partialSample())));
    expect(decoded.fans).toBeUndefined();
    expect(decoded.errors).toEqual([
      { section: 'SECTION_FANS', reason: 'ERROR_REASON_UNSUPPORTED', message: 'no fans on this machine' },
      {
        section: 'SECTION_GPU',
        reason: 'ERROR_REASON_PERMISSION',
        message: 'NVML: insufficient permissions',
      },
    ]);
  });
});
