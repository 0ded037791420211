/**
 * Battery figures from the AppleSmartBattery registry dictionary and the IOPS power-source
 * description (MACOS.md "Power and battery"). On Intel MaxCapacity/CurrentCapacity are mAh, on Apple
 * Silicon percentages with mAh in AppleRawMaxCapacity (captures in exelban/stats#222 and
 * jkuri/macstats#7: https://github.com/exelban/stats/issues/222, https://github.com/jkuri/macstats/issues/7).
 */
import type { BatteryState, PowerSource, RawAdapter, RawBattery } from '../raw';
import type { RegistryValue } from './registry';

type Dict = Readonly<Record<string, RegistryValue | undefined>>;

function num(d: Dict, key: string): number | undefined {
  const v = d[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function bool(d: Dict, key: string): boolean | undefined {
  const v = d[key];
  return typeof v === 'boolean' ? v : undefined;
}

/**
 * A registry integer as signed 64-bit. The registry holds signed numbers, but a value that reached
 * us unsigned (ioreg text form, or an unsigned CFNumber read) is ≥ 2^63; as a double such a value
 * is only meaningful for small magnitudes, which is all a battery current ever is.
 */
export function signedRegistryInt(value: number): number {
  return value >= 2 ** 63 ? value - 2 ** 64 : value;
}

/**
 * Full-charge capacity in mAh. Apple Silicon: AppleRawMaxCapacity (MaxCapacity is a percentage
 * there). Intel: MaxCapacity is mAh. NominalChargeCapacity when neither is given.
 */
export function fullChargeMah(d: Dict): number | undefined {
  const raw = num(d, 'AppleRawMaxCapacity');
  if (raw !== undefined && raw > 0) return raw;
  const max = num(d, 'MaxCapacity');
  // A percentage (≤ 100) is Apple Silicon's MaxCapacity; no Mac battery holds only 100 mAh.
  if (max !== undefined && max > 100) return max;
  const nominal = num(d, 'NominalChargeCapacity');
  return nominal !== undefined && nominal > 0 ? nominal : undefined;
}

/** Remaining charge in mAh (AppleRawCurrentCapacity on Apple Silicon, CurrentCapacity on Intel). */
export function remainingMah(d: Dict): number | undefined {
  const raw = num(d, 'AppleRawCurrentCapacity');
  if (raw !== undefined) return raw;
  const cur = num(d, 'CurrentCapacity');
  return cur !== undefined && fullChargeMah(d) === num(d, 'MaxCapacity') ? cur : undefined;
}

/** Health % = full-charge capacity / design capacity (MACOS.md). */
export function batteryHealthPercent(d: Dict): number | undefined {
  const full = fullChargeMah(d);
  const design = num(d, 'DesignCapacity');
  return full !== undefined && design !== undefined && design > 0 ? (full / design) * 100 : undefined;
}

/** Registry fields of RawBattery (those IOPS does not give). */
export function batteryFromRegistry(d: Dict): Partial<RawBattery> {
  const out: { -readonly [K in keyof RawBattery]?: RawBattery[K] } = {};
  const cycles = num(d, 'CycleCount');
  if (cycles !== undefined) out.cycleCount = cycles;
  const design = num(d, 'DesignCapacity');
  if (design !== undefined && design > 0) out.chargeDesignAh = design / 1000;
  const full = fullChargeMah(d);
  if (full !== undefined) out.chargeFullAh = full / 1000;
  const now = remainingMah(d);
  if (now !== undefined) out.chargeNowAh = now / 1000;
  const mv = num(d, 'Voltage') ?? num(d, 'AppleRawBatteryVoltage');
  if (mv !== undefined && mv > 0) out.voltageV = mv / 1000;
  const ma = num(d, 'InstantAmperage') ?? num(d, 'Amperage');
  if (ma !== undefined) {
    out.currentA = signedRegistryInt(ma) / 1000;
    if (out.voltageV !== undefined) out.powerW = out.voltageV * out.currentA;
  }
  // Temperature is in centi-°C (3050 = 30.5 °C); 0 means the gauge did not report one.
  const centi = num(d, 'Temperature');
  if (centi !== undefined && centi !== 0) out.temperatureC = centi / 100;
  const manufacturer = d['Manufacturer'];
  if (typeof manufacturer === 'string' && manufacturer !== '') out.manufacturer = manufacturer;
  const model = d['DeviceName'];
  if (typeof model === 'string' && model !== '') out.model = model;
  return out;
}

/** IOPS times are minutes, −1 while the OS is still calculating (MACOS.md): absent then. */
export function ipsMinutes(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 && value < 65535 ? value : undefined;
}

/** Power source and battery state from the IOPS description and the registry flags. */
export function ipsBatteryState(ips: Dict, registry: Dict = {}): BatteryState {
  const charging = bool(ips, 'Is Charging') ?? bool(registry, 'IsCharging');
  const charged = bool(ips, 'Is Charged') ?? bool(registry, 'FullyCharged');
  const onAc = ips['Power Source State'] === 'AC Power' || bool(registry, 'ExternalConnected') === true;
  if (charged) return 'full';
  if (charging) return 'charging';
  if (charging === false) return onAc ? 'not-charging' : 'discharging';
  return 'unknown';
}

export function ipsPowerSource(state: unknown): PowerSource {
  if (state === 'AC Power') return 'ac';
  if (state === 'Battery Power') return 'battery';
  if (state === 'UPS Power') return 'ups';
  return 'unknown';
}

/** One battery: IOPS for percent, state and times; the registry for the rest. */
export function darwinBattery(id: string, ips: Dict, registry: Dict): RawBattery {
  const cur = num(ips, 'Current Capacity');
  const max = num(ips, 'Max Capacity');
  const percent = cur !== undefined && max !== undefined && max > 0 ? (cur / max) * 100 : undefined;
  const toEmpty = ipsMinutes(num(ips, 'Time to Empty'));
  const toFull = ipsMinutes(num(ips, 'Time to Full Charge'));
  return {
    id,
    ...(percent !== undefined ? { percent } : {}),
    state: ipsBatteryState(ips, registry),
    ...(toEmpty !== undefined ? { minutesToEmpty: toEmpty } : {}),
    ...(toFull !== undefined ? { minutesToFull: toFull } : {}),
    ...batteryFromRegistry(registry),
  };
}

/** The adapter from IOPSCopyExternalPowerAdapterDetails (Watts, Name), when one is connected. */
export function darwinAdapter(details: Dict | undefined, online: boolean): RawAdapter | undefined {
  if (!details) return undefined;
  const watts = num(details, 'Watts');
  const name = details['Name'];
  return {
    id: 'adapter',
    kind: typeof name === 'string' && name !== '' ? name : 'adapter',
    online,
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    ...(watts !== undefined && watts > 0 ? { watts } : {}),
  };
}
