/**
 * Raw sensor files on Linux for `nmetrics sensors --dump`: every hwmon chip (name, and each
 * temp/fan/in/power/curr input with its label, max and crit) and every thermal zone, as the kernel
 * writes them, next to the value in base units (hwmon sysfs ABI: temp in m°C, in in mV, curr in mA,
 * power in µW, fan in RPM — Documentation/hwmon/sysfs-interface.rst).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RawSensorFile {
  readonly chip: string;
  /** The chip's `name` file. */
  readonly chipName?: string;
  readonly file: string;
  readonly raw: string;
  readonly label?: string;
  /** Decoded into base units. */
  readonly value?: number;
  readonly unit?: string;
}

const SCALE: readonly [RegExp, number, string][] = [
  [/^temp\d+_(input|max|crit|min|emergency|crit_hyst|max_hyst)$/, 1000, '°C'],
  [/^fan\d+_(input|min|max|target)$/, 1, 'rpm'],
  [/^in\d+_(input|min|max)$/, 1000, 'V'],
  [/^curr\d+_(input|max)$/, 1000, 'A'],
  [/^power\d+_(input|average|cap)$/, 1e6, 'W'],
  [/^pwm\d+$/, 255 / 100, '%'],
];

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

export function dumpLinuxSensors(root: string): RawSensorFile[] {
  const out: RawSensorFile[] = [];
  const hwmon = join(root, 'sys/class/hwmon');
  for (const chip of list(hwmon)) {
    // Older drivers (applesmc, some Super I/O chips) keep their files in the device folder.
    for (const dir of [join(hwmon, chip), join(hwmon, chip, 'device')]) {
      const chipName = read(join(dir, 'name'));
      for (const file of list(dir)) {
        const rule = SCALE.find(([re]) => re.test(file));
        if (rule === undefined) continue;
        const raw = read(join(dir, file));
        if (raw === undefined) continue;
        const label = read(join(dir, file.replace(/_[a-z_]+$/, '_label')));
        const n = Number(raw);
        out.push({
          chip: dir.endsWith('device') ? `${chip}/device` : chip,
          ...(chipName !== undefined ? { chipName } : {}),
          file,
          raw,
          ...(label !== undefined ? { label } : {}),
          ...(raw !== '' && Number.isFinite(n) ? { value: n / rule[1], unit: rule[2] } : {}),
        });
      }
    }
  }
  const thermal = join(root, 'sys/class/thermal');
  for (const zone of list(thermal).filter((z) => z.startsWith('thermal_zone'))) {
    const raw = read(join(thermal, zone, 'temp'));
    if (raw === undefined) continue;
    const type = read(join(thermal, zone, 'type'));
    const n = Number(raw);
    out.push({
      chip: zone,
      ...(type !== undefined ? { chipName: type } : {}),
      file: 'temp',
      raw,
      ...(raw !== '' && Number.isFinite(n) ? { value: n / 1000, unit: '°C' } : {}),
    });
  }
  return out;
}
