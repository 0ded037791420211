/**
 * `nmetrics sensors --dump`: every sensor the backend sees, raw and decoded. Linux: the hwmon and
 * thermal-zone files as the kernel writes them, then the thermal and fans sections as the backend
 * decodes them. macOS: the SMC key dump (core/sensors-dump, by the darwin backend).
 */
import { derive } from '../core/derive';
import { dumpSensors, type SensorDump } from '../core/sampler';
import { valueOf } from '../shared/metric-result';
import { boolFlag, parseCommandArgs, stringFlag, UsageError, type FlagSpec } from './args';
import { openSampler } from './engine';
import type { CliIo, Command } from './io';
import { safe } from './sample-text';
import { dumpLinuxSensors } from './sensors-linux';

const FLAGS: readonly FlagSpec[] = [
  { name: 'dump', description: 'list every sensor, raw and decoded (required)' },
  { name: 'json', description: 'print JSON' },
];
const USAGE = 'nmetrics sensors --dump [--json] [--root DIR]';
const SUMMARY =
  'Lists every temperature, fan, voltage, current and power sensor the backend sees, with the raw reading and the decoded value.';

/** The SMC dump as text: key, type, raw bytes, decoded value and sensor group, one key per line. */
export function formatSmcDump(dump: SensorDump): string {
  const lines = [
    `SMC keys (${dump.rows.length}${dump.complete ? '' : `, incomplete: ${dump.note ?? 'not every key was listed'}`})` +
      `${dump.cpuBrand ? ` on ${safe(dump.cpuBrand)}` : ''}, ${dump.appleSilicon ? 'Apple Silicon' : 'Intel'}:`,
  ];
  for (const r of dump.rows) {
    const value = !r.readable ? 'unreadable' : r.decoded === undefined ? '(not decoded)' : String(r.decoded);
    lines.push(
      `  ${safe(r.key)}  [${safe(r.type)}]  ${r.hex || '-'}  →  ${safe(value)}${r.group ? `  (${r.group})` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}

export const sensorsCommand: Command = {
  name: 'sensors',
  summary: 'every sensor, raw and decoded',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const args = parseCommandArgs(argv, FLAGS, { usage: USAGE, summary: SUMMARY }, io.stdout);
    if (!args) return 0;
    if (!boolFlag(args, 'dump')) throw new UsageError('sensors: --dump is required');
    if (process.platform === 'darwin' && stringFlag(args, 'root') === undefined) {
      const dump = await dumpSensors();
      io.stdout.write(boolFlag(args, 'json') ? JSON.stringify(dump, null, 2) + '\n' : formatSmcDump(dump));
      return 0;
    }
    const root = stringFlag(args, 'root') ?? '/';
    const raw = await dumpLinuxSensors(root);
    const sampler = openSampler(args);
    let decoded;
    try {
      decoded = derive(undefined, await sampler.sample(['thermal', 'fans']));
    } finally {
      await sampler.close();
    }
    if (boolFlag(args, 'json')) {
      io.stdout.write(JSON.stringify({ raw, thermal: decoded.thermal, fans: decoded.fans }, null, 2) + '\n');
      return 0;
    }
    const lines = [`Raw sensor files under ${root} (${raw.length}):`];
    for (const r of raw) {
      const value = r.value === undefined ? '' : `${r.value} ${r.unit}`;
      lines.push(
        `  ${safe(r.chip)}${r.chipName ? ` (${safe(r.chipName)})` : ''}  ${r.file} = ${safe(r.raw)}  →  ${value}${r.label ? `  "${safe(r.label)}"` : ''}`,
      );
    }
    lines.push('Decoded by the backend:');
    const thermal = decoded.thermal;
    if (thermal?.ok)
      for (const s of thermal.value.sensors)
        lines.push(`  ${safe(s.id)}  ${s.celsius} °C  ${safe(s.label ?? '')} [${s.group}]`);
    else if (thermal) lines.push(`  thermal: ${thermal.error.reason}: ${safe(thermal.error.message)}`);
    const fans = decoded.fans;
    for (const f of valueOf(fans)?.fans ?? [])
      lines.push(`  ${safe(f.id)}  ${f.rpm} rpm  ${safe(f.label ?? '')}`);
    if (fans && !fans.ok) lines.push(`  fans: ${fans.error.reason}: ${safe(fans.error.message)}`);
    io.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
