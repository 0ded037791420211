/**
 * `nmetrics watch`: a live view. On a terminal: the alternate screen, redrawn every sample and on
 * resize, `q` or Ctrl-C quits. Otherwise: one line per sample, for logs and pipes.
 */
import { valueOf } from '../shared/metric-result';
import type { Sample } from '../shared/sample';
import { durationFlag, parseCommandArgs, sectionsFlag, type FlagSpec } from './args';
import { describeStall, markStalled, stalledRead } from '../core/poller';
import { openPoller } from './engine';
import { closePoller } from './shutdown';
import type { CliIo, Command } from './io';
import { sampleLine, sampleLines } from './sample-text';
import { SECTIONS } from '../shared/sections';

const FLAGS: readonly FlagSpec[] = [
  { name: 'interval', short: 'i', value: 'DURATION', description: 'time between samples (default 1s)' },
  { name: 'sections', value: 'a,b', description: 'only these sections (default all)' },
];
const USAGE = 'nmetrics watch [--interval 1s] [--sections a,b] [--root DIR]';
const SUMMARY =
  'A live terminal view: CPU per core, memory, temperatures, fans, battery, network and top processes. Press q to quit.';
const SPARK_POINTS = 20;

// ANSI: alternate screen on/off, cursor hide/show, home + clear to end of screen.
const ENTER = '\u001b[?1049h\u001b[?25l';
const LEAVE = '\u001b[?25h\u001b[?1049l';
const HOME_CLEAR = '\u001b[H\u001b[J';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'a live terminal view',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const args = parseCommandArgs(argv, FLAGS, { usage: USAGE, summary: SUMMARY }, io.stdout);
    if (!args) return 0;
    const intervalMs = durationFlag(args, 'interval', 1000);
    const sections = sectionsFlag(args) ?? [...SECTIONS];
    const stop = new AbortController();
    io.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const poller = openPoller(args, io, intervalMs, stop.signal);
    const tty = io.stdout.isTTY === true;
    const history = new Map<string, number[]>();
    let last: Sample | undefined;

    const draw = () => {
      if (last === undefined) return;
      // A read that has not returned: its sections say "stalled" instead of showing old numbers.
      const stall = stalledRead(poller);
      const shown = stall === undefined ? last : markStalled(last, stall);
      const rows = io.stdout.rows || 40;
      const lines = sampleLines(shown, { width: io.stdout.columns || 100, history, processRows: 0 });
      const procRows = Math.max(0, rows - lines.length - 3);
      const all = sampleLines(shown, {
        width: io.stdout.columns || 100,
        history,
        processRows: procRows,
      }).slice(0, rows - 1);
      io.stdout.write(HOME_CLEAR + all.join('\n') + '\n' + 'q quits');
    };
    const onKey = (data: Buffer) => {
      // q, Q, Ctrl-C (0x03) in raw mode.
      if (data.includes(0x71) || data.includes(0x51) || data.includes(0x03)) stop.abort();
    };

    if (tty) {
      io.stdout.write(ENTER);
      io.stdin.setRawMode?.(true);
      io.stdin.on('data', onKey);
      io.stdin.resume();
      io.stdout.on('resize', draw);
    }
    // No sample arrives while a read hangs: look every interval, and say so once per stall.
    let reported = false;
    const stallCheck = setInterval(() => {
      const stall = stalledRead(poller);
      if (stall === undefined) reported = false;
      else if (tty) draw();
      else if (!reported) io.stdout.write(`${new Date().toISOString()} stalled: ${describeStall(stall)}\n`);
      reported = stall !== undefined;
    }, intervalMs);
    try {
      for await (const sample of poller.samples(sections, { signal: stop.signal })) {
        last = sample;
        for (const core of valueOf(sample.cpu)?.cores ?? []) {
          if (core.usage === undefined) continue;
          const key = `cpu.core.${core.id}`;
          const h = history.get(key) ?? [];
          h.push(core.usage.busy);
          if (h.length > SPARK_POINTS) h.shift();
          history.set(key, h);
        }
        if (tty) draw();
        else io.stdout.write(sampleLine(sample) + '\n');
      }
    } finally {
      clearInterval(stallCheck);
      await closePoller(poller, io);
      if (tty) {
        io.stdout.off('resize', draw);
        io.stdin.off('data', onKey);
        io.stdin.setRawMode?.(false);
        io.stdin.pause();
        io.stdout.write(LEAVE);
      }
    }
    return 0;
  },
};
