import { describe, expect, it } from 'vitest';
import { sensorGroup } from '../../../src/core/derive/sensor-groups';
import type { RawTempSensor } from '../../../src/shared/raw';

const hwmon = (chip: string, label?: string): RawTempSensor => ({
  id: `${chip}/temp1`,
  chip,
  sensor: 'temp1',
  kind: 'hwmon',
  celsius: 40,
  ...(label === undefined ? {} : { label }),
});
const zone = (zoneType: string): RawTempSensor => ({
  id: 'thermal_zone0/temp',
  chip: 'thermal_zone0',
  sensor: 'temp',
  kind: 'thermal-zone',
  zoneType,
  celsius: 40,
});
const smc = (key: string): RawTempSensor => ({
  id: `smc/${key}`,
  chip: 'smc',
  sensor: key,
  kind: 'smc',
  celsius: 40,
});

describe('sensorGroup', () => {
  it('groups Linux hwmon chips by driver', () => {
    expect(sensorGroup(hwmon('platform_coretemp_0'))).toBe('cpu');
    expect(sensorGroup(hwmon('pci0000:00_0000:00:18_3_k10temp'))).toBe('cpu');
    expect(sensorGroup(hwmon('pci0000:00_0000:03:00_0_amdgpu', 'edge'))).toBe('gpu');
    expect(sensorGroup(hwmon('nvme_nvme0', 'Composite'))).toBe('storage');
    expect(sensorGroup(hwmon('ieee80211_phy0_mt7996_phy0_0'))).toBe('other');
    expect(sensorGroup(hwmon('nct6779', 'SYSTIN'))).toBe('ambient');
  });

  it("uses the chip's driver name where the chip id lacks it (PCI devices)", () => {
    const chip = (chipName: string, label?: string): RawTempSensor => ({
      ...hwmon('pci_0000:03:00.0', label),
      chipName,
    });
    expect(sensorGroup(chip('amdgpu'))).toBe('gpu');
    expect(sensorGroup(chip('nvme', 'Sensor 2'))).toBe('storage');
    expect(sensorGroup(chip('drivetemp'))).toBe('storage');
    expect(sensorGroup(chip('k10temp', 'Tctl'))).toBe('cpu');
    expect(sensorGroup(chip('iwlwifi_1'))).toBe('other');
  });

  it('falls back to the sensor label when the chip says nothing', () => {
    expect(sensorGroup(hwmon('pci0000:00_0000:00:18_3', 'Tctl'))).toBe('cpu');
    expect(sensorGroup(hwmon('hwmon7', 'junction'))).toBe('gpu');
    expect(sensorGroup(hwmon('hwmon2', 'Composite'))).toBe('storage');
    expect(sensorGroup(hwmon('platform_asus_nb_wmi_asus_wmi_sensors', 'CPU Temperature'))).toBe('cpu');
    expect(sensorGroup(hwmon('platform_asus_nb_wmi_asus_wmi_sensors', 'Chipset Temperature'))).toBe('soc');
    expect(sensorGroup(hwmon('hwmon4', 'foosensor'))).toBe('other');
  });

  it('groups thermal zones by type', () => {
    expect(sensorGroup(zone('x86_pkg_temp'))).toBe('cpu');
    expect(sensorGroup(zone('cpu-thermal'))).toBe('cpu');
    expect(sensorGroup(zone('gpu-thermal'))).toBe('gpu');
    expect(sensorGroup(zone('soc_thermal'))).toBe('soc');
    expect(sensorGroup(zone('pch_cannonlake'))).toBe('soc');
    expect(sensorGroup(zone('acpitz'))).toBe('other');
    expect(sensorGroup(zone('INT3400 Thermal'))).toBe('other');
  });

  it("uses H-darwin's SMC classifier, with the Mac's architecture and chip", () => {
    expect(sensorGroup(smc('Tp01'))).toBe('cpu');
    expect(sensorGroup(smc('Tg0f'))).toBe('gpu');
    expect(sensorGroup(smc('TB0T'))).toBe('battery');
    expect(sensorGroup(smc('TC0P'), { appleSilicon: false })).toBe('cpu');
    // On an M3 the Tf1x keys are GPU cores although Tf is a CPU prefix.
    expect(sensorGroup(smc('Tf14'), { appleSilicon: true, cpuBrand: 'Apple M3 Max' })).toBe('gpu');
  });

  it('puts GPU-reported temperatures in the gpu group', () => {
    expect(sensorGroup({ id: 'nvml/0', chip: 'nvml', sensor: '0', kind: 'gpu', celsius: 50 })).toBe('gpu');
  });
});
