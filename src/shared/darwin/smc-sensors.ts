/**
 * SMC temperatures: which keys are temperatures, their group and label, and the plausibility
 * filter. Classification is by table first (smc-sensor-tables.ts), then by prefix (MACOS.md).
 */
import type { RawTempSensor } from '../raw';
import { decodeSmcNumber, type SmcReading } from './smc-types';
import { chipSensorTable, NAMED_SMC_SENSORS } from './smc-sensor-tables';

export type SensorGroup = 'cpu' | 'gpu' | 'soc' | 'battery' | 'storage' | 'ambient' | 'other';

const SENSOR_GROUPS: readonly SensorGroup[] = ['cpu', 'gpu', 'soc', 'battery', 'storage', 'ambient', 'other'];

function asGroup(text: string): SensorGroup {
  return (SENSOR_GROUPS as readonly string[]).includes(text) ? (text as SensorGroup) : 'other';
}

/**
 * Group of an SMC temperature key. Apple Silicon: Tp/Te/Tf/Ts/Tc CPU, Tg GPU, TB battery, TH storage,
 * Ta airflow (ambient), TW Wi-Fi, Tm/TR/TV/TP SoC rails and memory. Intel: TC CPU, TG GPU, TB battery,
 * TH drive, TA/Ts/Ta ambient and palm rest, TM/TN/TP memory and platform (MACOS.md "Temperatures").
 */
export function smcPrefixGroup(key: string, appleSilicon = true): SensorGroup {
  const named = NAMED_SMC_SENSORS[key];
  if (named) return asGroup(named.group);
  const p2 = key.slice(0, 2);
  if (p2 === 'TB') return 'battery';
  if (p2 === 'TH') return 'storage';
  if (p2 === 'TW') return 'other';
  if (appleSilicon) {
    if (['Tp', 'Te', 'Tf', 'Ts', 'Tc'].includes(p2)) return 'cpu';
    if (p2 === 'Tg') return 'gpu';
    if (p2 === 'Ta' || p2 === 'TA') return 'ambient';
    if (['Tm', 'TR', 'TV', 'TP', 'TM', 'TD'].includes(p2)) return 'soc';
    return 'other';
  }
  if (p2 === 'TC') return 'cpu';
  if (p2 === 'TG') return 'gpu';
  if (p2 === 'TA' || p2 === 'Ta' || p2 === 'Ts') return 'ambient';
  if (p2 === 'TM' || p2 === 'TN' || p2 === 'TP') return 'soc';
  return 'other';
}

/**
 * Plausible °C for a group. Whole range 0–110 °C (MACOS.md). Die sensors (cpu/gpu/soc) of a
 * running machine sit above ambient: the real M4 Pro dump holds −4.0, 0.0, 1.5 and 2.2 in
 * Tp1i…Tp2Q, which are offsets, not temperatures, so those groups also need at least 5 °C.
 */
export function isPlausibleCelsius(celsius: number, group: SensorGroup): boolean {
  if (!Number.isFinite(celsius) || celsius <= 0 || celsius > 110) return false;
  if ((group === 'cpu' || group === 'gpu' || group === 'soc') && celsius < 5) return false;
  return true;
}

const TEMPERATURE_TYPES = /^(flt |ioft|sp[0-9a-f]{2}|fp[0-9a-f]{2})$/;

/** True for the readings that are temperatures: T-keys of a float or fixed-point type. */
export function isTemperatureReading(reading: SmcReading): boolean {
  return reading.key.startsWith('T') && TEMPERATURE_TYPES.test(reading.type);
}

export interface SmcSensorOptions {
  readonly appleSilicon: boolean;
  /** machdep.cpu.brand_string, to pick the chip's key table ("Apple M4 Pro"). */
  readonly cpuBrand?: string;
}

/**
 * Group of an SMC temperature key: the chip table when the brand is given (M3 `Tf14` is a GPU key
 * although `Tf` is a CPU prefix), else the named keys, else the prefix. This is the function
 * core/derive/sensor-groups.ts calls for `kind: 'smc'` sensors.
 */
export function smcSensorGroup(
  key: string,
  options: { readonly appleSilicon?: boolean; readonly cpuBrand?: string } = {},
): SensorGroup {
  const appleSilicon = options.appleSilicon ?? true;
  const known = smcSensorLabel(key, {
    appleSilicon,
    ...(options.cpuBrand !== undefined ? { cpuBrand: options.cpuBrand } : {}),
  });
  return known?.group ?? smcPrefixGroup(key, appleSilicon);
}

/** Label and group of a key from the chip table or the named keys; undefined when only the prefix is known. */
export function smcSensorLabel(
  key: string,
  options: SmcSensorOptions,
): { label: string; group: SensorGroup } | undefined {
  const table = options.appleSilicon ? chipSensorTable(options.cpuBrand) : undefined;
  if (table) {
    const e = table.efficiencyCores.indexOf(key);
    if (e >= 0) return { label: `CPU efficiency core ${e + 1}`, group: 'cpu' };
    const p = table.performanceCores.indexOf(key);
    if (p >= 0) return { label: `CPU performance core ${p + 1}`, group: 'cpu' };
    const g = table.gpu.indexOf(key);
    if (g >= 0) return { label: `GPU ${g + 1}`, group: 'gpu' };
  }
  const named = NAMED_SMC_SENSORS[key];
  return named ? { label: named.label, group: asGroup(named.group) } : undefined;
}

/** Decoded, classified and filtered temperature sensors (chip "smc", sensor = key). */
export function smcTemperatureSensors(
  readings: readonly SmcReading[],
  options: SmcSensorOptions,
): RawTempSensor[] {
  const out: RawTempSensor[] = [];
  for (const reading of readings) {
    if (!isTemperatureReading(reading)) continue;
    const celsius = decodeSmcNumber(reading, options);
    if (celsius === undefined) continue;
    const known = smcSensorLabel(reading.key, options);
    const group = known?.group ?? smcPrefixGroup(reading.key, options.appleSilicon);
    if (!isPlausibleCelsius(celsius, group)) continue;
    out.push({
      id: `smc/${reading.key}`,
      chip: 'smc',
      sensor: reading.key,
      kind: 'smc',
      ...(known ? { label: known.label } : {}),
      celsius,
    });
  }
  return out;
}
