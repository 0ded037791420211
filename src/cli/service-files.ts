/**
 * The per-user service definitions `nmetrics service install` writes: a launchd agent plist on macOS
 * (launchd.plist(5)), a systemd user unit on Linux (systemd.service(5), systemd.syntax(7) quoting).
 * Pure functions of their inputs, so tests check content and paths without touching any manager.
 */
import { join } from 'node:path';

export type ServicePlatform = 'linux' | 'darwin';
export type ServiceCommand = 'serve' | 'push';

export interface ServiceSpec {
  readonly command: ServiceCommand;
  /** node, then the nmetrics script, then the command and its flags. */
  readonly programArguments: readonly string[];
  readonly home: string;
  /** $XDG_CONFIG_HOME when set (Linux). */
  readonly xdgConfigHome?: string;
  /** Environment of the service (a token goes here, not on a command line every user can see). */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * Moves `--token T` / `--token=T` out of the arguments into NMETRICS_TOKEN, which `serve` reads:
 * a process's arguments are visible to every user (ps), its environment is not.
 */
export function splitToken(args: readonly string[]): { args: string[]; environment: Record<string, string> } {
  const out: string[] = [];
  const environment: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--token' && args[i + 1] !== undefined) environment.NMETRICS_TOKEN = args[++i]!;
    else if (a.startsWith('--token=')) environment.NMETRICS_TOKEN = a.slice('--token='.length);
    else out.push(a);
  }
  return { args: out, environment };
}

export const serviceName = (command: ServiceCommand) => `nmetrics-${command}`;
export const launchdLabel = (command: ServiceCommand) => `org.darwinmetrics.${serviceName(command)}`;

export function servicePath(
  platform: ServicePlatform,
  spec: Pick<ServiceSpec, 'command' | 'home' | 'xdgConfigHome'>,
): string {
  if (platform === 'darwin')
    return join(spec.home, 'Library', 'LaunchAgents', `${launchdLabel(spec.command)}.plist`);
  return join(
    spec.xdgConfigHome || join(spec.home, '.config'),
    'systemd',
    'user',
    `${serviceName(spec.command)}.service`,
  );
}

export function logPath(
  platform: ServicePlatform,
  spec: Pick<ServiceSpec, 'command' | 'home'>,
): string | undefined {
  // systemd keeps the output in the journal (journalctl --user -u nmetrics-serve).
  return platform === 'darwin'
    ? join(spec.home, 'Library', 'Logs', `${serviceName(spec.command)}.log`)
    : undefined;
}

const xml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function envPlist(env: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(env ?? {});
  if (entries.length === 0) return '';
  const body = entries.map(([k, v]) => `    <key>${xml(k)}</key>\n    <string>${xml(v)}</string>`).join('\n');
  return `  <key>EnvironmentVariables</key>\n  <dict>\n${body}\n  </dict>\n`;
}

export function launchdPlist(spec: ServiceSpec): string {
  const log = logPath('darwin', spec)!;
  const args = spec.programArguments.map((a) => `    <string>${xml(a)}</string>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${xml(launchdLabel(spec.command))}</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
${envPlist(spec.environment)}  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <dict>
    <key>SuccessfulExit</key>
    <false/>
  </dict>
  <key>ThrottleInterval</key>
  <integer>10</integer>
  <key>ProcessType</key>
  <string>Background</string>
  <key>StandardOutPath</key>
  <string>${xml(log)}</string>
  <key>StandardErrorPath</key>
  <string>${xml(log)}</string>
</dict>
</plist>
`;
}

/**
 * One ExecStart word: quoted when it holds whitespace, quotes or backslashes; `%` doubled (specifier
 * expansion) and `$` doubled (variable expansion), per systemd.syntax(7) and systemd.service(5).
 */
export function systemdWord(word: string): string {
  if (/[\n\r]/.test(word))
    throw new RangeError(`service: an argument may not contain a line break: ${JSON.stringify(word)}`);
  const escaped = word.replace(/%/g, '%%').replace(/\$/g, '$$$$');
  if (escaped !== '' && !/[\s"'\\;]/.test(escaped)) return escaped;
  return `"${escaped.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * One `Environment=` assignment: quoted, `%` doubled (specifiers are expanded there), `$` left
 * alone (systemd.exec(5): no variable expansion in Environment=).
 */
export function systemdEnvAssignment(key: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
    throw new RangeError(`service: bad environment variable name "${key}"`);
  if (/[\n\r]/.test(value)) throw new RangeError(`service: ${key} may not contain a line break`);
  return `"${`${key}=${value}`.replace(/%/g, '%%').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function systemdUnit(spec: ServiceSpec): string {
  return `[Unit]
Description=darwinmetrics: nmetrics ${spec.command}
Documentation=https://github.com/darwinmetrics/darwinmetrics
After=network-online.target

[Service]
Type=simple
${Object.entries(spec.environment ?? {})
  .map(([k, v]) => `Environment=${systemdEnvAssignment(k, v)}\n`)
  .join('')}ExecStart=${spec.programArguments.map(systemdWord).join(' ')}
Restart=on-failure
RestartSec=10
NoNewPrivileges=yes

[Install]
WantedBy=default.target
`;
}
