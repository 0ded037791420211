/**
 * A sample as terminal text: the table of `nmetrics snapshot`, the screen of `nmetrics watch` and
 * its one-line form when stdout is not a terminal. System strings are stripped of control
 * characters first: a process can name itself with escape sequences that would drive the terminal.
 */
import {
  formatBytes,
  formatMhz,
  formatPercent,
  formatRate,
  formatRpm,
  formatTemperature,
  formatWatts,
  formatMinutes,
} from '../shared/format';
import { valueOf } from '../shared/metric-result';
import type { Sample } from '../shared/sample';
import { SECTIONS } from '../shared/sections';
import { busiestProcesses } from '../shared/catalogue';
import { glanceInterfaces } from '../shared/glance';

// C0 and C1 controls, DEL, and the bidi overrides that can reorder what a reader sees.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const safe = (s: string) => s.replace(UNSAFE, '?');

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** A sparkline of values in 0..max. */
export function sparkline(values: readonly number[], max = 100): string {
  return values.map((v) => BLOCKS[Math.max(0, Math.min(8, Math.round((v / max) * 8)))]!).join('');
}

export function bar(percent: number, width: number): string {
  const n = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return '█'.repeat(n) + '·'.repeat(width - n);
}

const pct = (v: number | undefined) => (v === undefined ? '   –  ' : formatPercent(v).padStart(6));

export interface TextOptions {
  readonly width: number;
  /** Rows left for processes (watch fits the screen). */
  readonly processRows?: number;
  /** Recent CPU busy % per core id, for sparklines. */
  readonly history?: ReadonlyMap<string, readonly number[]>;
}

export function sampleLines(sample: Sample, options: TextOptions): string[] {
  const out: string[] = [];
  const w = Math.max(40, options.width);
  const host = valueOf(sample.host);
  const when = new Date(sample.t).toISOString();
  out.push(
    host === undefined ? when : `${safe(host.hostname)}  ${safe(`${host.osName} ${host.kernel}`)}  ${when}`,
  );
  const cpu = valueOf(sample.cpu);
  if (cpu !== undefined) {
    out.push(
      `CPU  ${pct(cpu.usage?.busy)}  load ${cpu.loadAvg.map((l) => l.toFixed(2)).join(' ')}  ${safe(cpu.model)}`,
    );
    const barWidth = Math.max(10, Math.min(40, w - 40));
    for (const core of cpu.cores) {
      const spark = options.history?.get(`cpu.core.${core.id}`);
      out.push(
        `  ${String(core.id).padStart(3)} ${bar(core.usage?.busy ?? 0, barWidth)} ${pct(core.usage?.busy)}` +
          `${core.mhz !== undefined ? `  ${formatMhz(core.mhz)}` : ''}${spark ? `  ${sparkline(spark)}` : ''}`,
      );
    }
  }
  const mem = valueOf(sample.memory);
  if (mem !== undefined) {
    out.push(
      `MEM  ${pct(mem.usedPercent)}  ${formatBytes(mem.usedBytes)} / ${formatBytes(mem.totalBytes)}  swap ${formatBytes(mem.swapUsedBytes)}${mem.pressure ? `  pressure ${mem.pressure}` : ''}`,
    );
  }
  const power = valueOf(sample.power);
  for (const b of power?.batteries ?? []) {
    const time =
      b.minutesToEmpty !== undefined
        ? ` ${formatMinutes(b.minutesToEmpty)} left`
        : b.minutesToFull !== undefined
          ? ` ${formatMinutes(b.minutesToFull)} to full`
          : '';
    out.push(
      `BAT  ${safe(b.id)} ${b.percent !== undefined ? formatPercent(b.percent, 0) : '–'} ${b.state}${time}${b.powerW !== undefined ? `  ${formatWatts(b.powerW)}` : ''}`,
    );
  }
  for (const s of valueOf(sample.thermal)?.sensors ?? [])
    out.push(`TEMP ${formatTemperature(s.celsius).padStart(8)}  ${safe(s.label ?? s.id)} (${s.group})`);
  for (const f of valueOf(sample.fans)?.fans ?? [])
    out.push(`FAN  ${formatRpm(f.rpm).padStart(10)}  ${safe(f.label ?? f.id)}`);
  for (const g of valueOf(sample.gpu)?.gpus ?? [])
    out.push(`GPU  ${pct(g.utilizationPercent)}  ${safe(g.model ?? g.id)}`);
  for (const r of valueOf(sample.rails)?.rails ?? [])
    if (r.watts !== undefined) out.push(`PWR  ${formatWatts(r.watts).padStart(9)}  ${safe(r.name)}`);
  for (const i of valueOf(sample.network)?.interfaces ?? []) {
    if (i.kind === 'loopback') continue;
    const rate = (v: number | undefined) => (v === undefined ? '–' : formatRate(v));
    out.push(
      `NET  ${safe(i.name).padEnd(10)} ${i.up ? 'up  ' : 'down'}  ↓ ${rate(i.rxBytesPerSec)}  ↑ ${rate(i.txBytesPerSec)}`,
    );
  }
  for (const d of valueOf(sample.disks)?.mounts ?? [])
    out.push(
      `DISK ${pct(d.usedPercent)}  ${formatBytes(d.usedBytes)} / ${formatBytes(d.totalBytes)}  ${safe(d.mount)}`,
    );
  const procs = valueOf(sample.processes);
  if (procs !== undefined) {
    const rows = options.processRows ?? 10;
    if (rows > 0) {
      out.push(
        `PROC ${procs.count} processes`,
        `  ${'PID'.padStart(7)} ${'CPU'.padStart(6)} ${'RSS'.padStart(9)}  NAME`,
      );
      for (const p of busiestProcesses(procs.processes, rows)) {
        out.push(
          `  ${String(p.pid).padStart(7)} ${pct(p.cpuPercent)} ${formatBytes(p.rssBytes).padStart(9)}  ${safe(p.name)}`,
        );
      }
    }
  }
  for (const name of SECTIONS) {
    const r = sample[name];
    if (r !== undefined && !r.ok) out.push(`(${name}: ${r.error.reason}: ${safe(r.error.message)})`);
  }
  return out.map((l) => truncate(l, w));
}

/** Cuts a line to the terminal width (by code points; wide characters may still overflow by a cell). */
export function truncate(line: string, width: number): string {
  const chars = [...line];
  return chars.length <= width ? line : chars.slice(0, width - 1).join('') + '…';
}

/** One line per sample for logs and pipes. */
export function sampleLine(sample: Sample): string {
  const parts = [new Date(sample.t).toISOString()];
  const cpu = valueOf(sample.cpu);
  if (cpu?.usage !== undefined) parts.push(`cpu=${cpu.usage.busy.toFixed(1)}%`);
  if (cpu !== undefined) parts.push(`load=${cpu.loadAvg[0].toFixed(2)}`);
  const mem = valueOf(sample.memory);
  if (mem !== undefined) parts.push(`mem=${mem.usedPercent.toFixed(1)}%`);
  const temps = valueOf(sample.thermal)?.sensors ?? [];
  if (temps.length > 0) parts.push(`temp_max=${Math.max(...temps.map((s) => s.celsius)).toFixed(1)}C`);
  for (const b of valueOf(sample.power)?.batteries ?? [])
    if (b.percent !== undefined) parts.push(`battery=${b.percent}%`);
  // The interfaces the menu-bar glance sums (src/shared/glance.ts): physical links only.
  const net = glanceInterfaces(sample);
  const rx = net.reduce((a, i) => a + (i.rxBytesPerSec ?? 0), 0);
  const tx = net.reduce((a, i) => a + (i.txBytesPerSec ?? 0), 0);
  if (net.length > 0 && sample.intervalMs !== undefined)
    parts.push(`rx=${Math.round(rx)}B/s tx=${Math.round(tx)}B/s`);
  return parts.join(' ');
}
