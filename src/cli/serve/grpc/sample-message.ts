/**
 * A Sample (src/shared/sample.ts) as the .proto's Sample message. The .proto names its fields after
 * ours (snake_case of the same words), so most sections pass through by spreading; what differs is
 * spelled out: string unions become enums, arrays are copied (the message types want mutable ones),
 * a failed section becomes an entry of `errors`, and a NaN thread count (macOS, other users'
 * processes) becomes an absent field.
 */
import { SECTIONS, type SectionName } from '../../../shared/sections';
import type { Sample, SampleSections } from '../../../shared/sample';
import { toProtoEnum, toProtoEnumOrUnspecified, toProtoSection } from './enums';
import type { ErrorReason } from './generated/darwinmetrics/v1/ErrorReason';
import type { Sample as SampleMessage } from './generated/darwinmetrics/v1/Sample';
import type { SectionError } from './generated/darwinmetrics/v1/SectionError';

type Converters = { readonly [K in SectionName]: (value: SampleSections[K]) => SampleMessage[K] };

const CONVERTERS: Converters = {
  host: (h) => ({ ...h, platform: toProtoEnum('PLATFORM', h.platform) }),
  cpu: (c) => ({
    ...c,
    perfLevels: c.perfLevels.map((p) => ({ ...p, cpus: [...(p.cpus ?? [])] })),
    loadAvg: [...c.loadAvg],
    cores: c.cores.map((core) => ({ ...core })),
    clusters: (c.clusters ?? []).map((cluster) => ({ ...cluster })),
    coreSecondsTotal: c.coreSecondsTotal.map((s) => ({ ...s })),
  }),
  memory: (m) => ({
    ...m,
    pressure: toProtoEnumOrUnspecified('MEMORY_PRESSURE', m.pressure),
    pressureSource: m.pressureSource ?? '',
  }),
  power: (p) => ({
    source: toProtoEnum('POWER_SOURCE', p.source),
    adapters: p.adapters.map((a) => ({ ...a })),
    batteries: p.batteries.map((b) => ({ ...b, state: toProtoEnum('BATTERY_STATE', b.state) })),
    thermalPressure: toProtoEnumOrUnspecified('THERMAL_PRESSURE', p.thermalPressure),
  }),
  thermal: (t) => ({
    sensors: t.sensors.map((s) => ({ ...s, group: toProtoEnum('SENSOR_GROUP', s.group) })),
  }),
  fans: (f) => ({ fans: f.fans.map((fan) => ({ ...fan })) }),
  gpu: (g) => ({ gpus: g.gpus.map((gpu) => ({ ...gpu })) }),
  rails: (r) => ({ ...r, rails: r.rails.map((rail) => ({ ...rail })) }),
  disks: (d) => ({ mounts: d.mounts.map((m) => ({ ...m })), devices: d.devices.map((io) => ({ ...io })) }),
  network: (n) => ({
    interfaces: n.interfaces.map((i) => ({
      ...i,
      kind: toProtoEnum('INTERFACE_KIND', i.kind),
      addresses: i.addresses.map((a) => ({ ...a })),
    })),
  }),
  processes: (p) => ({
    count: p.count,
    processes: p.processes.map(({ threads, ...rest }) => ({
      ...rest,
      ...(Number.isNaN(threads) ? {} : { threads }),
    })),
    powerSource:
      p.power === undefined
        ? ''
        : p.power.kind === 'unavailable'
          ? `unavailable: ${p.power.reason}`
          : `${p.power.kind}: ${p.power.detail}`,
  }),
  processIo: (io) => ({ ...io }),
  processGpu: (g) => ({ ...g, unavailable: [...g.unavailable] }),
};

/** A UTF-16 surrogate without its partner: a file or process name can hold one, UTF-8 cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * The value with every string made well-formed (lone surrogates become U+FFFD): proto3 strings must
 * be valid UTF-8 (https://protobuf.dev/programming-guides/proto3/#scalar), and Go's decoder rejects a
 * whole message that is not, where protobufjs would write a lone surrogate as-is.
 */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string')
    return (LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATES, '\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = wellFormed(v);
    return out as T;
  }
  return value;
}

function convert<K extends SectionName>(name: K, value: SampleSections[K]): SampleMessage[K] {
  return CONVERTERS[name](value);
}

export function toSampleMessage(sample: Sample): SampleMessage {
  const message: Record<string, unknown> = { tMs: sample.t, monoNs: sample.mono };
  if (sample.intervalMs !== undefined) message['intervalMs'] = sample.intervalMs;
  const errors: SectionError[] = [];
  for (const name of SECTIONS) {
    const result = sample[name];
    if (result === undefined) continue;
    if (result.ok) message[name] = wellFormed(convert(name, result.value as SampleSections[typeof name]));
    else
      errors.push({
        section: toProtoSection(name),
        reason: toProtoEnum<ErrorReason>('ERROR_REASON', result.error.reason),
        message: wellFormed(result.error.message),
      });
  }
  message['errors'] = errors;
  return message as SampleMessage;
}
