/**
 * The .proto contract against the code: the committed TypeScript types are what the generator makes
 * of the .proto today, the run-time loader options are the generator's, every value of our string
 * unions names a value of its proto enum, and a full Sample survives the wire as typed fields.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, generateProtoTypes, LOADER_OPTIONS } from '../../../scripts/gen-proto-types.mjs';
import { toProtoEnum } from '../../../src/cli/serve/grpc/enums';
import { loadMetricsProto, PROTO_LOADER_OPTIONS } from '../../../src/cli/serve/grpc/proto';
import { toSampleMessage } from '../../../src/cli/serve/grpc/sample-message';
import type {
  Sample as SampleMessage,
  Sample__Output,
} from '../../../src/cli/serve/grpc/generated/darwinmetrics/v1/Sample';
import { HISTORY_RANGES } from '../../../src/shared/history-types';
import { ERROR_REASONS } from '../../../src/shared/metric-result';
import type {
  BatteryState,
  InterfaceKind,
  MemoryPressureLevel,
  Platform,
  PowerSource,
  ThermalPressure,
} from '../../../src/shared/raw';
import { SENSOR_GROUPS } from '../../../src/shared/sample';
import { SECTIONS } from '../../../src/shared/sections';
import { fullSample, partialSample } from '../../core/export/full-sample';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every member of a string union, checked complete by the compiler (a Record needs every key). */
const members = <T extends string>(record: Record<T, true>): T[] => Object.keys(record) as T[];

const UNIONS: Readonly<Record<string, readonly string[]>> = {
  SECTION: SECTIONS,
  ERROR_REASON: ERROR_REASONS,
  HISTORY_RANGE: HISTORY_RANGES,
  SENSOR_GROUP: SENSOR_GROUPS,
  PLATFORM: members<Platform>({ linux: true, darwin: true }),
  MEMORY_PRESSURE: members<MemoryPressureLevel>({ normal: true, warning: true, critical: true }),
  POWER_SOURCE: members<PowerSource>({ ac: true, battery: true, ups: true, unknown: true }),
  THERMAL_PRESSURE: members<ThermalPressure>({ nominal: true, fair: true, serious: true, critical: true }),
  BATTERY_STATE: members<BatteryState>({
    charging: true,
    discharging: true,
    full: true,
    'not-charging': true,
    unknown: true,
  }),
  INTERFACE_KIND: members<InterfaceKind>({
    loopback: true,
    ethernet: true,
    wireless: true,
    virtual: true,
    other: true,
  }),
};

describe('the .proto contract', () => {
  it('has committed TypeScript types that match a fresh generation (npm run gen:proto)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'dm-proto-types-'));
    try {
      generateProtoTypes(fresh);
      const committed = join(process.cwd(), DEFAULT_OUT_DIR);
      const rel = (dir: string) =>
        files(dir)
          .map((f) => relative(dir, f))
          .sort();
      expect(rel(committed)).toEqual(rel(fresh));
      for (const file of rel(fresh))
        expect(readFileSync(join(committed, file), 'utf8'), file).toBe(
          readFileSync(join(fresh, file), 'utf8'),
        );
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('is loaded at run time with the options the types were generated for', () => {
    expect({ ...PROTO_LOADER_OPTIONS, longs: PROTO_LOADER_OPTIONS.longs.name, enums: 'String' }).toEqual(
      LOADER_OPTIONS,
    );
    expect(PROTO_LOADER_OPTIONS.enums).toBe(String);
  });

  it('has an enum value for every member of our string unions, and no value we never send', () => {
    const { definition } = loadMetricsProto();
    for (const [prefix, values] of Object.entries(UNIONS)) {
      const name = prefix.toLowerCase().replace(/(?:^|_)([a-z])/g, (_m, c: string) => c.toUpperCase());
      const enumType = definition[`darwinmetrics.v1.${name}`] as EnumTypeDefinition;
      const protoValues = (enumType.type as { value: { name: string }[] }).value.map((v) => v.name);
      const ours = values.map((v) => toProtoEnum<string>(prefix, v));
      expect(protoValues.sort(), name).toEqual([`${prefix}_UNSPECIFIED`, ...ours].sort());
    }
  });

  it('carries a full sample as typed fields', () => {
    const { definition } = loadMetricsProto();
    const type = definition['darwinmetrics.v1.Sample'] as MessageTypeDefinition<
      SampleMessage,
      Sample__Output
    >;
    const bytes = type.serialize(toSampleMessage(fullSample()));
    const decoded = type.deserialize(bytes) as Sample__Output;
    const sample = fullSample();
    expect(decoded.tMs).toBe(sample.t);
    expect(decoded.cpu!.loadAvg).toEqual(sample.cpu?.ok ? [...sample.cpu.value.loadAvg] : []);
    expect(decoded.memory!.totalBytes).toBe(sample.memory?.ok && sample.memory.value.totalBytes);
    expect(decoded.power!.batteries.find((b) => b.id === 'BAT0')?.percent).toBe(81);
    expect(decoded.thermal!.sensors[0]!.group).toMatch(/^SENSOR_GROUP_/);
    expect(decoded.network!.interfaces[0]!.kind).toMatch(/^INTERFACE_KIND_/);
    expect(decoded.fans!.fans.map((f) => f.rpm)).toEqual([0, 1998]);
    expect(decoded.errors).toEqual([]);
    // Names travel as they are, but for a lone surrogate, which UTF-8 cannot carry.
    const processes = sample.processes?.ok ? sample.processes.value.processes : [];
    const names = processes.map((p) => p.name.replace(/\uD800(?![\uDC00-\uDFFF])/g, '\uFFFD'));
    expect(decoded.processes!.processes.map((p) => p.name)).toEqual(names);
    expect(names).toContain('lone \uFFFD surrogate');
  });

  it('reports a failed section as an error with its reason, and leaves the section out', () => {
    const { definition } = loadMetricsProto();
    const type = definition['darwinmetrics.v1.Sample'] as MessageTypeDefinition<
      SampleMessage,
      Sample__Output
    >;
    const decoded = type.deserialize(type.serialize(toSampleMessage(partialSample()))) as Sample__Output;
    expect(decoded.fans).toBeNull();
    expect(decoded.gpu).toBeNull();
    expect(decoded.cpu!.logicalCores).toBeGreaterThan(0);
    expect(decoded.errors).toEqual([
      { section: 'SECTION_FANS', reason: 'ERROR_REASON_UNSUPPORTED', message: 'no fans on this machine' },
      {
        section: 'SECTION_GPU',
        reason: 'ERROR_REASON_PERMISSION',
        message: 'NVML: insufficient permissions',
      },
    ]);
  });

  it('leaves out a thread count the platform cannot tell, rather than sending 0', () => {
    const { definition } = loadMetricsProto();
    const type = definition['darwinmetrics.v1.Sample'] as MessageTypeDefinition<
      SampleMessage,
      Sample__Output
    >;
    const base = fullSample();
    const list = base.processes?.ok ? base.processes.value.processes : [];
    const sample = {
      ...base,
      processes: { ok: true as const, value: { count: 1, processes: [{ ...list[0]!, threads: NaN }] } },
    };
    const decoded = type.deserialize(type.serialize(toSampleMessage(sample))) as Sample__Output;
    expect(decoded.processes!.processes[0]!.threads).toBeUndefined();
    expect(decoded.processes!.processes[0]!.pid).toBe(list[0]!.pid);
  });
});
