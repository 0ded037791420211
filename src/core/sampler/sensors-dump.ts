/**
 * `nmetrics sensors --dump` data: every SMC key with its type, raw bytes and decoded value, so a
 * user on a new chip can attach the dump to a bug report. macOS only.
 */
import { smcSensorGroup, isTemperatureReading, type SensorGroup } from '../../shared/darwin/smc-sensors';
import { decodeSmcValue, type SmcReading, type SmcValue } from '../../shared/darwin/smc-types';
import { loadAddon } from '../native';
import type { NativeDarwinExtras } from '../darwin';
import type { NativeAddon, NativeSmcDumpEntry, NativeSmcReading } from '../native';

export interface SensorDumpRow {
  readonly key: string;
  /** The 4-character type code, trailing spaces kept. */
  readonly type: string;
  /** Raw bytes as hex; '' when the key is listed but not readable. */
  readonly hex: string;
  readonly readable: boolean;
  /** Decoded by type (src/shared/darwin/smc-types.ts); absent for structures we do not interpret. */
  readonly decoded?: SmcValue;
  /** For temperature keys: the sensor group the app files it under. */
  readonly group?: SensorGroup;
}

export interface SensorDump {
  readonly appleSilicon: boolean;
  readonly cpuBrand?: string;
  /** false when the addon could not list every key and the dump holds only the sampled ones. */
  readonly complete: boolean;
  readonly note?: string;
  readonly rows: readonly SensorDumpRow[];
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Rows for a list of readings, in key order. Pure: tested on the recorded dumps. */
export function sensorDumpRows(
  entries: readonly (SmcReading | NativeSmcDumpEntry)[],
  options: { readonly appleSilicon: boolean; readonly cpuBrand?: string },
): SensorDumpRow[] {
  const rows = entries.map((e): SensorDumpRow => {
    if (e.bytes === null) return { key: e.key, type: e.type, hex: '', readable: false };
    const reading: SmcReading = { key: e.key, type: e.type, bytes: e.bytes };
    const decoded = decodeSmcValue(reading, options);
    const group = isTemperatureReading(reading) ? smcSensorGroup(e.key, options) : undefined;
    return {
      key: e.key,
      type: e.type,
      hex: hex(e.bytes),
      readable: true,
      ...(decoded !== undefined ? { decoded } : {}),
      ...(group !== undefined ? { group } : {}),
    };
  });
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The live dump. Uses the addon's smcDump() (every key of the SMC index); an addon without it
 * gives the keys a sample reads (temperatures, fans, power), marked incomplete.
 */
export async function dumpSensors(
  options: { readonly addon?: NativeAddon; readonly platform?: string } = {},
): Promise<SensorDump> {
  const platform = options.platform ?? process.platform;
  if (platform !== 'darwin')
    throw new Error(`sensors --dump: the SMC exists only on macOS (this is ${platform})`);
  const addon = options.addon ?? loadAddon();
  const sampler = new addon.Sampler();
  let extras: NativeDarwinExtras | undefined;
  let sampled: NativeSmcReading[] = [];
  try {
    const snap = (await sampler.sample(['thermal', 'fans', 'rails'])) as unknown as {
      darwin?: NativeDarwinExtras;
    } & Record<string, unknown>;
    extras = snap.darwin;
    for (const name of ['thermal', 'fans', 'rails']) {
      const r = snap[name] as { ok: boolean; value?: { smc?: NativeSmcReading[] } } | undefined;
      if (r?.ok) sampled = sampled.concat(r.value?.smc ?? []);
    }
  } finally {
    sampler.close();
  }
  const decodeOptions = {
    appleSilicon: extras?.appleSilicon ?? process.arch === 'arm64',
    ...(extras?.cpuBrand !== undefined ? { cpuBrand: extras.cpuBrand } : {}),
  };
  const head = {
    appleSilicon: decodeOptions.appleSilicon,
    ...(extras?.cpuBrand !== undefined ? { cpuBrand: extras.cpuBrand } : {}),
  };
  if (typeof addon.smcDump === 'function') {
    return { ...head, complete: true, rows: sensorDumpRows(addon.smcDump(), decodeOptions) };
  }
  return {
    ...head,
    complete: false,
    note: 'this addon build has no smcDump(); only the keys a sample reads are listed',
    rows: sensorDumpRows(sampled, decodeOptions),
  };
}
