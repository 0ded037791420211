/**
 * Metric families for temperatures, fans, GPUs and power rails: node_exporter's hwmon and
 * thermal_zone names where they apply, `darwinmetrics_*` for SMC sensors, GPUs and rails.
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import type { FamilyBuilder } from './family';
import { mhzToHz, ratio } from './units';

export function addThermalFamilies(b: FamilyBuilder, sample: Sample): void {
  const thermal = valueOf(sample.thermal);
  if (thermal !== undefined) {
    const hw = b.family(
      'node_hwmon_temp_celsius',
      'gauge',
      'Hardware monitor for temperature (input)',
      'celsius',
    );
    const hwMax = b.family(
      'node_hwmon_temp_max_celsius',
      'gauge',
      'Hardware monitor for temperature (max)',
      'celsius',
    );
    const hwCrit = b.family(
      'node_hwmon_temp_crit_celsius',
      'gauge',
      'Hardware monitor for temperature (crit)',
      'celsius',
    );
    const zone = b.family('node_thermal_zone_temp', 'gauge', 'Zone temperature in Celsius');
    const other = b.family(
      'darwinmetrics_temperature_celsius',
      'gauge',
      'Temperature of an SMC or GPU sensor.',
      'celsius',
    );
    const label = b.family('node_hwmon_sensor_label', 'gauge', 'Label for given chip and sensor');
    const group = b.family(
      'darwinmetrics_sensor_group_info',
      'gauge',
      'Which group (cpu, gpu, soc, battery, storage, ambient, other) a sensor belongs to; always 1.',
    );
    for (const s of thermal.sensors) {
      const l: [string, string][] = [
        ['chip', s.chip],
        ['sensor', s.sensor],
      ];
      if (s.kind === 'hwmon') {
        hw(s.celsius, l);
        hwMax(s.maxC, l);
        hwCrit(s.critC, l);
      } else if (s.kind === 'thermal-zone') {
        // node_exporter labels a zone by its number: thermal_zone3 → zone="3".
        const zoneNo = /^thermal_zone(\d+)$/.exec(s.chip)?.[1] ?? s.chip;
        zone(s.celsius, [
          ['type', s.zoneType ?? s.label ?? ''],
          ['zone', zoneNo],
        ]);
      } else {
        other(s.celsius, l);
      }
      if (s.label !== undefined && s.label !== '') label(1, [...l, ['label', s.label]]);
      group(1, [...l, ['group', s.group]]);
    }
  }
  const fans = valueOf(sample.fans);
  if (fans !== undefined) {
    const rpm = b.family(
      'node_hwmon_fan_rpm',
      'gauge',
      'Hardware monitor for fan revolutions per minute (input)',
    );
    const min = b.family(
      'node_hwmon_fan_min_rpm',
      'gauge',
      'Hardware monitor for fan revolutions per minute (min)',
    );
    const max = b.family(
      'node_hwmon_fan_max_rpm',
      'gauge',
      'Hardware monitor for fan revolutions per minute (max)',
    );
    const target = b.family(
      'node_hwmon_fan_target_rpm',
      'gauge',
      'Hardware monitor for fan revolutions per minute (target)',
    );
    for (const fan of fans.fans) {
      const l: [string, string][] = [
        ['chip', fan.chip],
        ['sensor', fan.sensor],
      ];
      rpm(fan.rpm, l);
      min(fan.minRpm, l);
      max(fan.maxRpm, l);
      target(fan.targetRpm, l);
    }
  }
}

export function addGpuFamilies(b: FamilyBuilder, sample: Sample): void {
  const gpus = valueOf(sample.gpu);
  if (gpus !== undefined) {
    const util = b.family(
      'darwinmetrics_gpu_utilization_ratio',
      'gauge',
      'GPU utilization over the last interval (0-1).',
      'ratio',
    );
    const used = b.family('darwinmetrics_gpu_memory_used_bytes', 'gauge', 'GPU memory in use.', 'bytes');
    const total = b.family('darwinmetrics_gpu_memory_total_bytes', 'gauge', 'GPU memory size.', 'bytes');
    const temp = b.family('darwinmetrics_gpu_temperature_celsius', 'gauge', 'GPU temperature.', 'celsius');
    const watts = b.family('darwinmetrics_gpu_power_watts', 'gauge', 'GPU power draw.', 'watts');
    const freq = b.family('darwinmetrics_gpu_frequency_hertz', 'gauge', 'GPU clock frequency.', 'hertz');
    const info = b.family('darwinmetrics_gpu_info', 'gauge', 'GPU description; the value is always 1.');
    for (const g of gpus.gpus) {
      const l: [string, string][] = [['gpu', g.id]];
      util(ratio(g.utilizationPercent), l);
      used(g.memoryUsedBytes, l);
      total(g.memoryTotalBytes, l);
      temp(g.temperatureC, l);
      watts(g.powerW, l);
      freq(mhzToHz(g.frequencyMhz), l);
      info(1, [...l, ['model', g.model ?? ''], ['vendor', g.vendor ?? ''], ['driver', g.driver ?? '']]);
    }
  }
  const rails = valueOf(sample.rails);
  if (rails !== undefined) {
    const energy = b.family(
      'darwinmetrics_rail_energy_joules_total',
      'counter',
      'Cumulative energy of a power rail (RAPL, IOReport Energy Model).',
      'joules',
    );
    const watts = b.family(
      'darwinmetrics_rail_power_watts',
      'gauge',
      'Average power of a rail over the last interval.',
      'watts',
    );
    for (const r of rails.rails) {
      energy(r.energyJ, [['rail', r.name]]);
      watts(r.watts, [['rail', r.name]]);
    }
    b.family(
      'darwinmetrics_system_power_watts',
      'gauge',
      'Whole-system power (SMC PSTR).',
      'watts',
    )(rails.systemW);
    b.family(
      'darwinmetrics_battery_power_watts',
      'gauge',
      'Battery power (SMC PPBR).',
      'watts',
    )(rails.batteryW);
    b.family('darwinmetrics_dc_in_power_watts', 'gauge', 'DC input power (SMC PDTR).', 'watts')(rails.dcInW);
  }
}
