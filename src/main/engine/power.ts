/**
 * Power events: sleep and wake pause and restart sampling, battery/AC switches the interval factor,
 * and on macOS the OS thermal state (powerMonitor) fills in thermal pressure where the sampler has
 * none (NSProcessInfo.thermalState, the same levels as the notify key the native backend reads).
 */
import type { ThermalPressure } from '../../shared/raw';
import type { Sample } from '../../shared/sample';

export type ElectronThermalState = 'unknown' | 'nominal' | 'fair' | 'serious' | 'critical';

/** The parts of Electron's powerMonitor used here. */
export interface PowerMonitorLike {
  on(event: 'suspend' | 'resume' | 'on-battery' | 'on-ac', listener: () => void): unknown;
  on(event: 'thermal-state-change', listener: (details: { state: ElectronThermalState }) => void): unknown;
  isOnBatteryPower(): boolean;
  getCurrentThermalState(): ElectronThermalState;
}

export interface PowerTarget {
  suspend(): void;
  resume(): void;
  setOnBattery(onBattery: boolean): void;
}

export interface PowerWatch {
  /** The OS thermal state, or undefined off macOS and while the OS does not know. */
  thermal(): ThermalPressure | undefined;
}

export function toThermalPressure(state: ElectronThermalState): ThermalPressure | undefined {
  return state === 'unknown' ? undefined : state;
}

export function setupPower(pm: PowerMonitorLike, target: PowerTarget, platform: NodeJS.Platform): PowerWatch {
  const isMac = platform === 'darwin';
  let thermal = isMac ? toThermalPressure(pm.getCurrentThermalState()) : undefined;
  pm.on('suspend', () => target.suspend());
  pm.on('resume', () => target.resume());
  pm.on('on-battery', () => target.setOnBattery(true));
  pm.on('on-ac', () => target.setOnBattery(false));
  if (isMac) pm.on('thermal-state-change', ({ state }) => (thermal = toThermalPressure(state)));
  target.setOnBattery(pm.isOnBatteryPower());
  return { thermal: () => thermal };
}

/** The sample with power.thermalPressure filled from the OS when the sampler gave none. */
export function withThermalPressure(sample: Sample, pressure: ThermalPressure | undefined): Sample {
  const power = sample.power;
  if (
    pressure === undefined ||
    power === undefined ||
    !power.ok ||
    power.value.thermalPressure !== undefined
  ) {
    return sample;
  }
  return { ...sample, power: { ok: true, value: { ...power.value, thermalPressure: pressure } } };
}
