/**
 * nmetrics: the engine on the command line. `main(argv)` returns the exit status so tests can drive
 * it in-process; bin/nmetrics.js sets process.exitCode from it.
 */
import { loadAddon } from '../core/addon';

const USAGE = `Usage: nmetrics <command> [options]

Commands:
  info        which native backend is loaded

Options:
  -h, --help     show this help
  -v, --version  print the version`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write('0.1.0\n');
    return 0;
  }
  if (command === 'info' && rest.length === 0) {
    process.stdout.write(JSON.stringify(loadAddon().backendInfo()) + '\n');
    return 0;
  }
  process.stderr.write(`nmetrics: unknown command "${command}"\n${USAGE.split('\n')[0]}\n`);
  return 2;
}
