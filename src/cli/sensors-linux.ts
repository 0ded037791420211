/**
 * Raw sensor files on Linux for `nmetrics sensors --dump`: every hwmon chip (name, and each
 * temp/fan/in/power/curr input with its label, max and crit) and every thermal zone, as the kernel
 * writes them, next to the value in base units (hwmon sysfs ABI: temp in m°C, in in mV, curr in mA,
 * power in µW, fan in RPM — Documentation/hwmon/sysfs-interface.rst).
 */
import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

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

/** A sysfs attribute holds at most one page, 64 KiB at most (as native/src/linux/fs.h). */
const MAX_FILE_BYTES = 64 * 1024;
// Never waits on a FIFO, never takes a terminal, never follows a link at the last step.
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY | constants.O_NOFOLLOW;

/**
 * One sensor file, as the native reader treats it (issue #17): inside the root (a captured tree's
 * link to the host's files is refused), a regular file (never a FIFO or device), at most one
 * attribute long. Asynchronous, so that a driver file that blocks holds a worker thread, not the
 * thread that answers Ctrl-C.
 */
async function readFile(realRoot: string, path: string): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    if (realRoot !== sep && !real.startsWith(realRoot + sep)) return undefined;
    const handle = await open(real, READ_FLAGS);
    try {
      if (!(await handle.stat()).isFile()) return undefined;
      const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
      let used = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buf, used, buf.length - used, used);
        if (bytesRead === 0) break;
        used += bytesRead;
        if (used > MAX_FILE_BYTES) return undefined;
      }
      return buf.subarray(0, used).toString('utf8').trim();
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

export async function dumpLinuxSensors(root: string): Promise<RawSensorFile[]> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return [];
  }
  const read = (path: string) => readFile(realRoot, path);
  const out: RawSensorFile[] = [];
  const hwmon = join(root, 'sys/class/hwmon');
  for (const chip of await list(hwmon)) {
    // Older drivers (applesmc, some Super I/O chips) keep their files in the device folder.
    for (const dir of [join(hwmon, chip), join(hwmon, chip, 'device')]) {
      const chipName = await read(join(dir, 'name'));
      for (const file of await list(dir)) {
        const rule = SCALE.find(([re]) => re.test(file));
        if (rule === undefined) continue;
        const raw = await read(join(dir, file));
        if (raw === undefined) continue;
        const label = await read(join(dir, file.replace(/_[a-z_]+$/, '_label')));
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
  for (const zone of (await list(thermal)).filter((z) => z.startsWith('thermal_zone'))) {
    const raw = await read(join(thermal, zone, 'temp'));
    if (raw === undefined) continue;
    const type = await read(join(thermal, zone, 'type'));
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
