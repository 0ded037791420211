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
  <key>RunAtLoad</key>
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

export function systemdUnit(spec: ServiceSpec): string {
  return `[Unit]
Description=darwinmetrics: nmetrics ${spec.command}
Documentation=https://github.com/darwinmetrics/darwinmetrics
After=network-online.target

[Service]
Type=simple
ExecStart=${spec.programArguments.map(systemdWord).join(' ')}
Restart=on-failure
RestartSec=10
NoNewPrivileges=yes

[Install]
WantedBy=default.target
`;
}
