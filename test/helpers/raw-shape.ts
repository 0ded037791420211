/**
 * A runtime checker for the RawSnapshot shape declared in src/shared/raw.ts: every field's type,
 * optional fields absent (never undefined), no field the declaration does not have, and the process
 * columns all `count` long. Both backends are held to it: test/native/contract.test.ts runs it on
 * Linux samples, and the macOS suite runs it on normalised darwin snapshots.
 *
 *   const problems = rawShapeProblems(snapshot); // [] when the snapshot conforms
 */
import { ERROR_REASONS } from '../../src/shared/metric-result';
import { SECTIONS } from '../../src/shared/sections';

type TypedName = 'Int32Array' | 'Float64Array' | 'Uint8Array';
type Spec =
  | 'string'
  | 'number'
  | 'boolean'
  | { readonly opt: Spec }
  | { readonly arr: Spec }
  | { readonly obj: Readonly<Record<string, Spec>> }
  | { readonly oneOf: readonly string[] }
  | { readonly typed: TypedName }
  | { readonly tuple: readonly Spec[] }
  | { readonly nullable: Spec };

const opt = (s: Spec): Spec => ({ opt: s });
const arr = (s: Spec): Spec => ({ arr: s });
const obj = (o: Record<string, Spec>): Spec => ({ obj: o });
const oneOf = (...v: string[]): Spec => ({ oneOf: v });
const N = 'number' as const;
const S = 'string' as const;
const B = 'boolean' as const;

const ticks = obj({ user: N, nice: N, system: N, idle: N, iowait: N, irq: N, softirq: N, steal: N });
const psiLine = obj({ avg10: N, avg60: N, avg300: N, totalUs: N });
const residency = { stateMhz: arr(N), activeTicks: arr(N), idleTicks: N };
const smc = opt(arr(obj({ key: S, type: S, bytes: { typed: 'Uint8Array' } })));

/** The value spec of every section, field for field as in src/shared/raw.ts. */
export const RAW_SECTION_SPECS: Readonly<Record<(typeof SECTIONS)[number], Spec>> = {
  host: obj({
    platform: oneOf('linux', 'darwin'),
    arch: S,
    hostname: S,
    osName: S,
    osVersion: S,
    kernel: S,
    model: opt(S),
    bootTimeMs: N,
    uptimeSec: N,
  }),
  cpu: obj({
    model: S,
    vendor: opt(S),
    arch: S,
    physicalCores: N,
    logicalCores: N,
    perfLevels: arr(obj({ name: S, logicalCores: N, cpus: opt(arr(N)) })),
    loadAvg: { tuple: [N, N, N] },
    ticksPerSecond: N,
    total: ticks,
    cores: arr(ticks),
    coreMhz: opt(arr({ nullable: N })),
    clusters: opt(arr(obj({ name: S, ...residency }))),
    rosetta: opt(B),
    tickWrap: opt(N),
    contextSwitches: opt(N),
    interrupts: opt(N),
  }),
  memory: obj({
    totalBytes: N,
    freeBytes: N,
    availableBytes: N,
    usedBytes: N,
    cachedBytes: N,
    buffersBytes: opt(N),
    reclaimableBytes: opt(N),
    shmemBytes: opt(N),
    wiredBytes: opt(N),
    compressedBytes: opt(N),
    appBytes: opt(N),
    swapTotalBytes: N,
    swapUsedBytes: N,
    pressureLevel: opt(oneOf('normal', 'warning', 'critical')),
    psi: opt(obj({ some: psiLine, full: opt(psiLine) })),
  }),
  power: obj({
    source: oneOf('ac', 'battery', 'ups', 'unknown'),
    adapters: arr(
      obj({ id: S, kind: S, online: B, name: opt(S), watts: opt(N), voltageV: opt(N), currentA: opt(N) }),
    ),
    batteries: arr(
      obj({
        id: S,
        percent: opt(N),
        state: oneOf('charging', 'discharging', 'full', 'not-charging', 'unknown'),
        minutesToEmpty: opt(N),
        minutesToFull: opt(N),
        cycleCount: opt(N),
        energyNowWh: opt(N),
        energyFullWh: opt(N),
        energyDesignWh: opt(N),
        chargeNowAh: opt(N),
        chargeFullAh: opt(N),
        chargeDesignAh: opt(N),
        voltageV: opt(N),
        voltageMinDesignV: opt(N),
        currentA: opt(N),
        powerW: opt(N),
        temperatureC: opt(N),
        manufacturer: opt(S),
        model: opt(S),
        technology: opt(S),
      }),
    ),
    thermalPressure: opt(oneOf('nominal', 'fair', 'serious', 'critical')),
  }),
  thermal: obj({
    sensors: arr(
      obj({
        id: S,
        chip: S,
        sensor: S,
        kind: oneOf('hwmon', 'thermal-zone', 'smc', 'gpu'),
        label: opt(S),
        celsius: N,
        maxC: opt(N),
        critC: opt(N),
        zoneType: opt(S),
        chipName: opt(S),
      }),
    ),
  }),
  fans: obj({
    fans: arr(
      obj({
        id: S,
        chip: S,
        sensor: S,
        label: opt(S),
        rpm: N,
        minRpm: opt(N),
        maxRpm: opt(N),
        targetRpm: opt(N),
        mode: opt(S),
      }),
    ),
  }),
  gpu: obj({
    gpus: arr(
      obj({
        id: S,
        model: opt(S),
        vendor: opt(S),
        vendorId: opt(S),
        deviceId: opt(S),
        driver: opt(S),
        busyPercent: opt(N),
        rendererPercent: opt(N),
        tilerPercent: opt(N),
        memoryUsedBytes: opt(N),
        memoryTotalBytes: opt(N),
        temperatureC: opt(N),
        powerW: opt(N),
        frequencyMhz: opt(N),
        coreCount: opt(N),
        residency: opt(obj(residency)),
      }),
    ),
  }),
  rails: obj({
    rails: arr(
      obj({
        name: S,
        energyJ: N,
        wrapJ: opt(N),
        monoNs: opt(N),
        span: opt(obj({ fromEnergyJ: N, fromMonoNs: N, toMonoNs: N })),
      }),
    ),
    systemW: opt(N),
    batteryW: opt(N),
    dcInW: opt(N),
  }),
  disks: obj({
    mounts: arr(
      obj({
        mount: S,
        device: S,
        fsType: S,
        totalBytes: N,
        usedBytes: N,
        availableBytes: N,
        readOnly: opt(B),
      }),
    ),
    devices: arr(
      obj({
        name: S,
        readBytes: N,
        writeBytes: N,
        readOps: N,
        writeOps: N,
        readTimeMs: opt(N),
        writeTimeMs: opt(N),
        ioTimeMs: opt(N),
      }),
    ),
  }),
  network: obj({
    interfaces: arr(
      obj({
        name: S,
        kind: oneOf('loopback', 'ethernet', 'wireless', 'virtual', 'other'),
        up: B,
        operstate: opt(S),
        mac: opt(S),
        mtu: opt(N),
        speedMbps: opt(N),
        addresses: arr(obj({ family: oneOf('ipv4', 'ipv6'), address: S, netmask: opt(S) })),
        rxBytes: N,
        txBytes: N,
        rxPackets: N,
        txPackets: N,
        rxErrors: N,
        txErrors: N,
        rxDrops: N,
        txDrops: N,
      }),
    ),
  }),
  processes: obj({
    count: N,
    pid: { typed: 'Int32Array' },
    ppid: { typed: 'Int32Array' },
    uid: { typed: 'Int32Array' },
    threads: { typed: 'Int32Array' },
    startTimeMs: { typed: 'Float64Array' },
    cpuTimeNs: { typed: 'Float64Array' },
    rssBytes: { typed: 'Float64Array' },
    virtualBytes: { typed: 'Float64Array' },
    diskReadBytes: { typed: 'Float64Array' },
    diskWriteBytes: { typed: 'Float64Array' },
    energyNj: opt({ typed: 'Float64Array' }),
    state: { typed: 'Uint8Array' },
    kernelThread: { typed: 'Uint8Array' },
    name: arr(S),
    path: arr(S),
    user: arr(S),
  }),
  processIo: obj({ readable: N, denied: N }),
  processGpu: obj({
    clients: arr(
      obj({
        pid: N,
        driver: S,
        device: S,
        clientId: S,
        engines: arr(obj({ name: S, busyNs: N, cycles: N, totalCycles: N, capacity: N, percent: N })),
        memoryBytes: N,
        residentBytes: N,
      }),
    ),
    denied: N,
    unavailable: arr(S),
  }),
};

/** Sections whose native (pre-normalisation) macOS form may carry raw SMC readings. */
const SMC_SECTIONS = new Set(['power', 'thermal', 'fans', 'rails']);

const TYPED: Record<TypedName, unknown> = { Int32Array, Float64Array, Uint8Array };

function check(value: unknown, spec: Spec, path: string, out: string[]): void {
  if (spec === 'string' || spec === 'boolean') {
    if (typeof value !== spec) out.push(`${path}: expected ${spec}, got ${describe(value)}`);
    return;
  }
  if (spec === 'number') {
    if (typeof value !== 'number' || Number.isNaN(value))
      out.push(`${path}: expected a number, got ${describe(value)}`);
    return;
  }
  if ('opt' in spec) return check(value, spec.opt, path, out);
  if ('nullable' in spec) {
    if (value !== null) check(value, spec.nullable, path, out);
    return;
  }
  if ('oneOf' in spec) {
    if (typeof value !== 'string' || !spec.oneOf.includes(value)) {
      out.push(`${path}: expected one of ${spec.oneOf.join('|')}, got ${describe(value)}`);
    }
    return;
  }
  if ('typed' in spec) {
    if (!(value instanceof (TYPED[spec.typed] as new () => object))) {
      out.push(`${path}: expected ${spec.typed}, got ${describe(value)}`);
    }
    return;
  }
  if ('tuple' in spec) {
    if (!Array.isArray(value) || value.length !== spec.tuple.length) {
      out.push(`${path}: expected a ${spec.tuple.length}-tuple, got ${describe(value)}`);
      return;
    }
    spec.tuple.forEach((s, i) => check(value[i], s, `${path}[${i}]`, out));
    return;
  }
  if ('arr' in spec) {
    if (!Array.isArray(value)) {
      out.push(`${path}: expected an array, got ${describe(value)}`);
      return;
    }
    value.forEach((v, i) => check(v, spec.arr, `${path}[${i}]`, out));
    return;
  }
  checkObject(value, spec.obj, path, out);
}

function checkObject(
  value: unknown,
  fields: Readonly<Record<string, Spec>>,
  path: string,
  out: string[],
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(`${path}: expected an object, got ${describe(value)}`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, spec] of Object.entries(fields)) {
    const present = Object.prototype.hasOwnProperty.call(record, key);
    const optional = typeof spec === 'object' && 'opt' in spec;
    if (!present) {
      if (!optional) out.push(`${path}.${key}: missing`);
      continue;
    }
    if (record[key] === undefined) {
      out.push(`${path}.${key}: present but undefined (leave optional fields out instead)`);
      continue;
    }
    check(record[key], spec, `${path}.${key}`, out);
  }
  for (const key of Object.keys(record)) {
    if (!(key in fields)) out.push(`${path}.${key}: not declared in src/shared/raw.ts`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value === 'object' ? 'object' : `${typeof value} ${JSON.stringify(value)}`;
}

export interface ShapeOptions {
  /** Accept `smc: [{ key, type, bytes }]` in power/thermal/fans/rails (native macOS output before normalising). */
  readonly allowSmc?: boolean;
}

/** Every way `snapshot` differs from the declared RawSnapshot; empty when it conforms. */
export function rawShapeProblems(snapshot: unknown, options: ShapeOptions = {}): string[] {
  const out: string[] = [];
  if (typeof snapshot !== 'object' || snapshot === null)
    return [`snapshot: expected an object, got ${describe(snapshot)}`];
  const snap = snapshot as Record<string, unknown>;
  check(snap['t'], 'number', 't', out);
  check(snap['mono'], 'number', 'mono', out);
  for (const key of Object.keys(snap)) {
    if (key === 't' || key === 'mono') continue;
    if (!(SECTIONS as readonly string[]).includes(key)) {
      out.push(`${key}: not a section of src/shared/sections.ts`);
      continue;
    }
    const result = snap[key] as Record<string, unknown> | null;
    if (typeof result !== 'object' || result === null) {
      out.push(`${key}: expected a MetricResult, got ${describe(result)}`);
      continue;
    }
    if (result['ok'] === true) {
      for (const k of Object.keys(result))
        if (k !== 'ok' && k !== 'value') out.push(`${key}.${k}: unexpected`);
      let spec = RAW_SECTION_SPECS[key as keyof typeof RAW_SECTION_SPECS];
      if (options.allowSmc && SMC_SECTIONS.has(key) && typeof spec === 'object' && 'obj' in spec) {
        spec = { obj: { ...spec.obj, smc } };
      }
      check(result['value'], spec, `${key}.value`, out);
      if (key === 'processes') checkColumns(result['value'], out);
    } else if (result['ok'] === false) {
      checkObject(
        result,
        { ok: 'boolean', error: { obj: { reason: { oneOf: [...ERROR_REASONS] }, message: 'string' } } },
        key,
        out,
      );
    } else {
      out.push(`${key}.ok: expected true or false, got ${describe(result['ok'])}`);
    }
  }
  return out;
}

function checkColumns(value: unknown, out: string[]): void {
  if (typeof value !== 'object' || value === null) return;
  const cols = value as Record<string, unknown>;
  const count = cols['count'];
  for (const [name, column] of Object.entries(cols)) {
    if (name === 'count') continue;
    const length = (column as { length?: unknown } | null)?.length;
    if (length !== count)
      out.push(`processes.value.${name}: length ${String(length)} ≠ count ${String(count)}`);
  }
}
