/**
 * `nmetrics service install|uninstall|status [serve|push] [flags]`: runs `serve` (or `push`) as a
 * per-user background service with the same flags. The file is written by core's one atomic writer
 * (src/core/files: temp, fsync, rename, folder fsync; mode 0600: it may hold a token). Then launchctl/systemctl is asked to (un)load it, unless
 * --no-start or NMETRICS_SERVICE_MANAGER=none (tests, packaging).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../core/files';
import { findPackageRoot } from '../core/native';
import { boolFlag, helpText, parseArgs, stringFlag, UsageError, type FlagSpec } from './args';
import type { CliIo, Command } from './io';
import { isLoopbackHost, tokenProblem } from './serve/http-util';
import { PUSH_FLAGS, pushCommand } from './push';
import { absoluteDataDir } from './history-dir';
import { SERVE_FLAGS } from './serve';
import {
  launchdLabel,
  launchdPlist,
  serviceName,
  servicePath,
  splitToken,
  systemdUnit,
  type ServiceCommand,
  type ServicePlatform,
} from './service-files';

const FLAGS: readonly FlagSpec[] = [
  { name: 'no-start', description: 'write or remove the file only; do not call launchctl/systemctl' },
  {
    name: 'platform',
    value: 'linux|darwin',
    description: 'which kind of service file (default: this system)',
  },
];
const USAGE = 'nmetrics service install|uninstall|status [serve|push] [options of that command]';
const SUMMARY =
  'Installs `nmetrics serve` (default) or `nmetrics push` as a per-user service with the given options: a launchd agent on macOS, a systemd user unit on Linux.';

/**
 * systemctl and launchctl answer in milliseconds; one waiting on a wedged D-Bus or launchd would
 * hold the command for good (issue #17: no wait without a deadline). Past this it is killed.
 */
const SERVICE_MANAGER_TIMEOUT_MS = 30_000;

function run(io: CliIo, cmd: string, args: readonly string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: SERVICE_MANAGER_TIMEOUT_MS });
  if (r.error !== undefined || r.status !== 0) {
    io.stderr.write(
      `nmetrics service: ${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr.trim()}\n`,
    );
    return false;
  }
  if (r.stdout.trim() !== '') io.stdout.write(r.stdout);
  return true;
}

export const serviceCommand: Command = {
  name: 'service',
  summary: 'run serve or push as a per-user background service',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const [action, maybeCommand, ...restAll] = argv;
    if (action === undefined || action === '--help' || action === '-h') {
      io.stdout.write(helpText(USAGE, SUMMARY, FLAGS));
      return action === undefined ? 2 : 0;
    }
    if (action !== 'install' && action !== 'uninstall' && action !== 'status')
      throw new UsageError(`service: unknown action "${action}" (install, uninstall or status)`);
    let command: ServiceCommand = 'serve';
    let rest = restAll;
    if (maybeCommand === 'serve' || maybeCommand === 'push') command = maybeCommand;
    else if (maybeCommand !== undefined) rest = [maybeCommand, ...restAll];
    // Our own flags first, then the target command's flags, validated by its own parser.
    const own = parseArgs(rest, [...FLAGS, ...(command === 'serve' ? SERVE_FLAGS : PUSH_FLAGS)]);
    if (boolFlag(own, 'help')) {
      io.stdout.write(helpText(USAGE, SUMMARY, FLAGS));
      return 0;
    }
    if (own.positionals.length > 0) throw new UsageError(`unexpected argument "${own.positionals[0]}"`);
    const platformText = stringFlag(own, 'platform') ?? (process.platform === 'darwin' ? 'darwin' : 'linux');
    if (platformText !== 'linux' && platformText !== 'darwin')
      throw new UsageError(`--platform: expected linux or darwin, got "${platformText}"`);
    const platform: ServicePlatform = platformText;
    const forwarded = absoluteDataDir(
      rest.filter((a, i) => {
        const prev = rest[i - 1];
        return !['--no-start'].includes(a) && !a.startsWith('--platform') && prev !== '--platform';
      }),
      process.cwd(),
    );
    if (command === 'push' && action === 'install') {
      if (stringFlag(own, 'influx') === undefined || stringFlag(own, 'db') === undefined)
        throw new UsageError(`service install push: ${pushCommand.usage}`);
    }
    const home = io.env.HOME ?? homedir();
    const spec = {
      command,
      home,
      ...(io.env.XDG_CONFIG_HOME ? { xdgConfigHome: io.env.XDG_CONFIG_HOME } : {}),
    };
    const path = servicePath(platform, spec);
    const manage =
      !boolFlag(own, 'no-start') &&
      io.env.NMETRICS_SERVICE_MANAGER !== 'none' &&
      platform === (process.platform === 'darwin' ? 'darwin' : 'linux');
    const uid = process.getuid?.() ?? 0;
    const unit = `${serviceName(command)}.service`;

    if (action === 'status') {
      io.stdout.write(`${existsSync(path) ? 'installed' : 'not installed'}: ${path}\n`);
      if (manage && existsSync(path)) {
        if (platform === 'linux') run(io, 'systemctl', ['--user', 'is-active', unit]);
        else run(io, 'launchctl', ['print', `gui/${uid}/${launchdLabel(command)}`]);
      }
      return existsSync(path) ? 0 : 3;
    }
    if (action === 'uninstall') {
      if (manage && existsSync(path)) {
        if (platform === 'linux') run(io, 'systemctl', ['--user', 'disable', '--now', unit]);
        else run(io, 'launchctl', ['bootout', `gui/${uid}/${launchdLabel(command)}`]);
      }
      rmSync(path, { force: true });
      if (manage && platform === 'linux') run(io, 'systemctl', ['--user', 'daemon-reload']);
      io.stdout.write(`removed ${path}\n`);
      return 0;
    }
    const root = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
    if (root === undefined) throw new Error('service: cannot find the darwinmetrics package folder');
    const { args: kept, environment } = splitToken(forwarded);
    // Checked here, not at the service's first start: a token serve refuses would install a
    // service that never comes up.
    const tokenIssue =
      environment.NMETRICS_TOKEN === undefined ? undefined : tokenProblem(environment.NMETRICS_TOKEN);
    if (tokenIssue !== undefined) throw new UsageError(`--token: ${tokenIssue}`);
    // serve off loopback needs a token. Without one it would make a new token at every start and
    // print it to the service log; make it once here, keep it in the 0600 service file, show it once.
    const host = hostArgument(kept);
    let generatedToken: string | undefined;
    if (command === 'serve' && host !== undefined && !isLoopbackHost(host) && !environment.NMETRICS_TOKEN) {
      generatedToken = randomBytes(24).toString('base64url');
      environment.NMETRICS_TOKEN = generatedToken;
    }
    const programArguments = [process.execPath, join(root, 'bin', 'nmetrics.js'), command, ...kept];
    const text =
      platform === 'darwin'
        ? launchdPlist({ ...spec, programArguments, environment })
        : systemdUnit({ ...spec, programArguments, environment });
    mkdirSync(dirname(path), { recursive: true });
    await writeFileAtomic(path, text, { mode: 0o600 });
    io.stdout.write(`wrote ${path}\n`);
    if (generatedToken !== undefined) {
      io.stdout.write(
        `generated a token for nmetrics serve on ${host} (kept in that file, readable only by you):\n  ${generatedToken}\n`,
      );
    }
    if (manage) {
      const ok =
        platform === 'linux'
          ? run(io, 'systemctl', ['--user', 'daemon-reload']) &&
            run(io, 'systemctl', ['--user', 'enable', '--now', unit])
          : run(io, 'launchctl', ['bootstrap', `gui/${uid}`, path]);
      if (!ok) return 1;
    }
    return 0;
  },
};

/** The value of --host in forwarded serve arguments ('--host X' or '--host=X'), if any. */
function hostArgument(args: readonly string[]): string | undefined {
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--host') host = args[++i];
    else if (a.startsWith('--host=')) host = a.slice('--host='.length);
  }
  return host;
}
