/**
 * Which group a temperature sensor belongs to (cpu, gpu, soc, battery, storage, ambient, other).
 * Linux: by hwmon driver (RawTempSensor.chipName, or the chip id where it embeds the driver:
 * "platform_coretemp_0"), then by the sensor's label; thermal zones by their type.
 * macOS: SMC keys through H-darwin's classifier (src/shared/darwin/smc-sensors.ts).
 */
import type { RawTempSensor } from '../../shared/raw';
import type { SensorGroup } from '../../shared/sample';
import { smcSensorGroup } from '../../shared/darwin/smc-sensors';

/**
 * hwmon driver names (the `name` file of a hwmon device, Documentation/hwmon/*.rst in the kernel) →
 * group. Matched as a whole `_`-separated word, so also inside a chip id ("platform_coretemp_0").
 */
const HWMON_DRIVERS: ReadonlyArray<readonly [RegExp, SensorGroup]> = [
  // x86 and Arm CPU die sensors.
  [
    /(?:^|_)(?:coretemp|k8temp|k10temp|zenpower|fam15h_power|via_cputemp|cpu_thermal|cpu-thermal)(?:_|$)/,
    'cpu',
  ],
  // GPU drivers that register hwmon devices.
  [/(?:^|_)(?:amdgpu|radeon|nouveau|i915|xe|nvidia)(?:_|$)/, 'gpu'],
  // Storage: NVMe controllers and SATA drives (drivetemp).
  [/(?:^|_)(?:nvme|drivetemp)(?:_|$)/, 'storage'],
  // Batteries exposing a temperature through power_supply's hwmon bridge.
  [/(?:^|_)(?:bat\d*|battery)(?:_|$)/i, 'battery'],
  // Chipset (PCH) and memory-controller sensors live on the SoC/platform.
  [/(?:^|_)(?:pch_\w+|soc_thermal|soc-thermal|jc42|spd5118)(?:_|$)/, 'soc'],
  // Wi-Fi PHYs ("ieee80211_phy0_..."), NICs and board WMI sensors: other.
];

/** Sensor labels (tempN_label) that name what they measure regardless of the chip. */
const LABELS: ReadonlyArray<readonly [RegExp, SensorGroup]> = [
  // coretemp, k10temp (Tctl/Tdie/Tccd), nct67xx (CPUTIN, PECI Agent), asus WMI ("CPU Temperature").
  [/^(?:core \d+|package id \d+|physical id \d+|tctl|tdie|tccd\d+|cputin|peci agent \d+|cpu\b.*)$/i, 'cpu'],
  // amdgpu: edge, junction (hotspot).
  [/^(?:edge|junction|gpu\b.*)$/i, 'gpu'],
  // nvme: Composite.
  [/^composite$/i, 'storage'],
  [/^(?:pch_\w+|chipset\b.*)$/i, 'soc'],
  [/^(?:ambient\b.*|systin|motherboard\b.*)$/i, 'ambient'],
];

/** Thermal zone types (/sys/class/thermal/thermal_zoneN/type) → group. */
const ZONE_TYPES: ReadonlyArray<readonly [RegExp, SensorGroup]> = [
  [/^(?:x86_pkg_temp|cpu[-_ ]?thermal|cpu\d*[-_]?.*|tcpu|k10temp|mtktscpu)$/i, 'cpu'],
  [/^(?:gpu[-_ ]?thermal|gpu\d*[-_]?.*)$/i, 'gpu'],
  [/^(?:soc[-_ ]?thermal|pch_\w+|ddr[-_ ]?thermal)$/i, 'soc'],
  [/^(?:bat\w*|battery)$/i, 'battery'],
  [/^(?:nvme\w*|ssd\w*)$/i, 'storage'],
  [/^(?:ambient\w*|sen\d+|tskn)$/i, 'ambient'],
];

function match(
  table: ReadonlyArray<readonly [RegExp, SensorGroup]>,
  text: string | undefined,
): SensorGroup | undefined {
  if (text === undefined || text === '') return undefined;
  for (const [re, group] of table) if (re.test(text)) return group;
  return undefined;
}

export interface SensorGroupOptions {
  /** For SMC keys: Apple Silicon and Intel Macs use different prefixes. Defaults to Apple Silicon. */
  readonly appleSilicon?: boolean;
  /** machdep.cpu.brand_string ("Apple M3 Max"): picks the chip's SMC key table. */
  readonly cpuBrand?: string;
}

/** The group of one sensor. */
export function sensorGroup(sensor: RawTempSensor, options: SensorGroupOptions = {}): SensorGroup {
  switch (sensor.kind) {
    case 'smc':
      return smcSensorGroup(sensor.sensor, options);
    case 'gpu':
      return 'gpu';
    case 'thermal-zone':
      return match(ZONE_TYPES, sensor.zoneType) ?? match(LABELS, sensor.label) ?? 'other';
    case 'hwmon':
      // The driver is the stronger signal: amdgpu's "edge" is a GPU even though nothing else says so.
      // It is the chip's name file where the backend gives it, else whatever the chip id holds.
      return (
        match(HWMON_DRIVERS, sensor.chipName) ??
        match(HWMON_DRIVERS, sensor.chip) ??
        match(LABELS, sensor.label) ??
        'other'
      );
    default:
      return 'other';
  }
}
