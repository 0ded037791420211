/**
 * nmetrics: the engine on the command line. `main(argv)` returns the exit status so tests can drive
 * it in-process; bin/nmetrics.js sets process.exitCode from it. `runCli(argv, io)` is the same with
 * injectable streams and signal.
 */
import { loadAddon } from '../core/native';
import { UsageError } from './args';
import { exportCommand } from './export';
import type { CliIo, Command } from './io';
import { pushCommand } from './push';
import { recordCommand } from './record';
import { sensorsCommand } from './sensors';
import { armShutdownDeadline, endIfReadsAbandoned } from './shutdown';
import { serveCommand } from './serve';
import { serviceCommand } from './service';
import { snapshotCommand } from './snapshot';
import { watchCommand } from './watch';

const infoCommand: Command = {
  name: 'info',
  summary: 'which native backend is loaded',
  usage: 'nmetrics info',
  async run(argv, io) {
    if (argv[0] === '--help' || argv[0] === '-h') {
      io.stdout.write('Usage: nmetrics info\n\nPrints which native backend is loaded, as JSON.\n');
      return 0;
    }
    if (argv.length > 0) throw new UsageError(`unexpected argument "${argv[0]}"`);
    io.stdout.write(JSON.stringify(loadAddon().backendInfo()) + '\n');
    return 0;
  },
};

export const COMMANDS: readonly Command[] = [
  snapshotCommand,
  watchCommand,
  recordCommand,
  exportCommand,
  serveCommand,
  pushCommand,
  sensorsCommand,
  serviceCommand,
  infoCommand,
];

const USAGE_LINE = 'Usage: nmetrics <command> [options]   (nmetrics <command> --help for its options)';

export function usage(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)}  ${c.summary}`);
  return `${USAGE_LINE}\n\nCommands:\n${rows.join('\n')}\n\nOptions:\n  -h, --help     show this help\n  -v, --version  print the version\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout.write('0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`nmetrics: unknown command "${name}"\n${USAGE_LINE}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RangeError) {
      io.stderr.write(`nmetrics ${name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`nmetrics ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    received = signal;
    controller.abort();
    armShutdownDeadline(signal, process.stderr);
  };
  // The first Ctrl-C ends the command cleanly; a second one (handler gone) kills the process.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // `nmetrics watch | head`: the reader went away; end the command quietly instead of crashing.
  const onStdoutError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') controller.abort();
    else throw e;
  };
  process.stdout.on('error', onStdoutError);
  try {
    return await runCli(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      signal: controller.signal,
      env: process.env,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.stdout.off('error', onStdoutError);
    endIfReadsAbandoned(received);
  }
}
