import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { launchdPlist, servicePath, systemdUnit, systemdWord } from '../../src/cli/service-files';
import { fakeIo } from './helpers/fake-io';

// Never the real user's launchd/systemd: a temp HOME, and the manager switched off.
let home: string;
const env = () => ({ HOME: home, NMETRICS_SERVICE_MANAGER: 'none' });
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'nmetrics-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';

describe('nmetrics service', () => {
  it('installs, reports and removes a systemd user unit with the same flags', async () => {
    const io = fakeIo(env());
    expect(
      await runCli(
        ['service', 'install', 'serve', '--platform', 'linux', '--port', '9200', '--interval', '2s'],
        io,
      ),
    ).toBe(0);
    const path = join(home, '.config/systemd/user/nmetrics-serve.service');
    expect(io.out()).toBe(`wrote ${path}\n`);
    const unit = readFileSync(path, 'utf8');
    expect(unit).toMatch(/^ExecStart=\S+node\S* \S+\/bin\/nmetrics\.js serve --port 9200 --interval 2s$/m);
    expect(unit).toContain('WantedBy=default.target');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const status = fakeIo(env());
    expect(await runCli(['service', 'status', '--platform', 'linux'], status)).toBe(0);
    expect(status.out()).toBe(`installed: ${path}\n`);
    expect(await runCli(['service', 'uninstall', '--platform', 'linux'], fakeIo(env()))).toBe(0);
    expect(existsSync(path)).toBe(false);
    expect(await runCli(['service', 'status', '--platform', 'linux'], fakeIo(env()))).toBe(3);
  });

  it('keeps a token off the command line: it goes into the service environment', async () => {
    const token = 'a-token-with-$-and-%-1234';
    expect(
      await runCli(
        ['service', 'install', 'serve', '--platform', 'linux', '--host', '0.0.0.0', '--token', token],
        fakeIo(env()),
      ),
    ).toBe(0);
    const unit = readFileSync(join(home, '.config/systemd/user/nmetrics-serve.service'), 'utf8');
    expect(unit).not.toMatch(/^ExecStart=.*--token/m);
    expect(unit).toContain('Environment="NMETRICS_TOKEN=a-token-with-$-and-%%-1234"');
    expect(
      await runCli(
        ['service', 'install', 'serve', '--platform', 'darwin', `--token=${token}`],
        fakeIo(env()),
      ),
    ).toBe(0);
    const path = join(home, 'Library/LaunchAgents/org.darwinmetrics.nmetrics-serve.plist');
    const py = spawnSync(
      'python3',
      ['-c', 'import plistlib,sys,json; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))))', path],
      { encoding: 'utf8' },
    );
    if (py.status !== 0) return void expect.soft(py.stderr, 'python3 plistlib unavailable').toBe('');
    const plist = JSON.parse(py.stdout) as {
      ProgramArguments: string[];
      EnvironmentVariables: Record<string, string>;
    };
    expect(plist.ProgramArguments.slice(2)).toEqual(['serve']);
    expect(plist.EnvironmentVariables).toEqual({ NMETRICS_TOKEN: token });
  });

  it('makes a token once for serve off loopback, keeps it in the service file and shows it once', async () => {
    const io = fakeIo(env());
    expect(
      await runCli(['service', 'install', 'serve', '--platform', 'linux', '--host', '0.0.0.0'], io),
    ).toBe(0);
    const unit = readFileSync(join(home, '.config/systemd/user/nmetrics-serve.service'), 'utf8');
    const token = /Environment="NMETRICS_TOKEN=([A-Za-z0-9_-]{32})"/.exec(unit)?.[1];
    expect(token).toBeDefined();
    expect(io.out()).toContain(token!);
    // On loopback no token is needed, and none is made.
    expect(
      await runCli(['service', 'install', 'serve', '--platform', 'linux', '--host=127.0.0.1'], fakeIo(env())),
    ).toBe(0);
    expect(readFileSync(join(home, '.config/systemd/user/nmetrics-serve.service'), 'utf8')).not.toContain(
      'NMETRICS_TOKEN',
    );
  });

  it('follows XDG_CONFIG_HOME', () => {
    expect(servicePath('linux', { command: 'push', home: '/h', xdgConfigHome: '/x' })).toBe(
      '/x/systemd/user/nmetrics-push.service',
    );
    expect(servicePath('darwin', { command: 'serve', home: '/h' })).toBe(
      '/h/Library/LaunchAgents/org.darwinmetrics.nmetrics-serve.plist',
    );
  });

  it('writes a launchd agent plist that a plist parser reads back', async () => {
    const io = fakeIo(env());
    expect(
      await runCli(
        [
          'service',
          'install',
          'push',
          '--platform',
          'darwin',
          '--influx',
          'http://127.0.0.1:8086',
          '--db',
          'a&b',
        ],
        io,
      ),
    ).toBe(0);
    const path = join(home, 'Library/LaunchAgents/org.darwinmetrics.nmetrics-push.plist');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('<string>a&amp;b</string>');
    // Python's plistlib is a real plist reader, independent of us.
    const py = spawnSync(
      'python3',
      ['-c', 'import plistlib,sys,json; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))))', path],
      { encoding: 'utf8' },
    );
    if (py.status !== 0) return void expect.soft(py.stderr, 'python3 plistlib unavailable').toBe('');
    const plist = JSON.parse(py.stdout) as {
      Label: string;
      ProgramArguments: string[];
      RunAtLoad: boolean;
      StandardOutPath: string;
    };
    expect(plist.Label).toBe('org.darwinmetrics.nmetrics-push');
    expect(plist.ProgramArguments.slice(2)).toEqual([
      'push',
      '--influx',
      'http://127.0.0.1:8086',
      '--db',
      'a&b',
    ]);
    expect(plist.RunAtLoad).toBe(true);
    expect(plist.StandardOutPath).toBe(join(home, 'Library/Logs/nmetrics-push.log'));
  });

  it('refuses what the target command would refuse', async () => {
    const io = fakeIo(env());
    expect(await runCli(['service', 'install', 'serve', '--platform', 'linux', '--bogus'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown option "--bogus"/);
    expect(await runCli(['service', 'install', 'push', '--platform', 'linux'], fakeIo(env()))).toBe(2);
    expect(await runCli(['service', 'install', '--platform', 'beos'], fakeIo(env()))).toBe(2);
    // A token serve would refuse at its first start (issue #17) is refused before anything is written.
    const spaced = fakeIo(env());
    const args = ['service', 'install', 'serve', '--platform', 'linux', '--token', 'abcdefghijklmnop qrst'];
    expect(await runCli(args, spaced)).toBe(2);
    expect(spaced.err()).toMatch(/--token: expected visible ASCII characters only/);
    expect(existsSync(join(home, '.config'))).toBe(false);
  });

  it('quotes ExecStart words per systemd.syntax(7)', () => {
    expect(systemdWord('plain')).toBe('plain');
    expect(systemdWord('/path with space/node')).toBe('"/path with space/node"');
    expect(systemdWord('50%')).toBe('50%%');
    expect(systemdWord('$HOME')).toBe('$$HOME');
    expect(systemdWord('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(systemdWord('')).toBe('""');
    expect(() => systemdWord('a\nb')).toThrow(/line break/);
  });

  it.runIf(existsSync(SYSTEMD_ANALYZE))('writes a unit systemd-analyze verify accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmetrics-unit-'));
    try {
      const unitPath = join(dir, 'nmetrics-serve.service');
      const text = systemdUnit({
        command: 'serve',
        home,
        programArguments: [process.execPath, '/opt/dm dir/bin/nmetrics.js', 'serve', '--port', '50%$x"y'],
        environment: { NMETRICS_TOKEN: 'tok"en%$\\x' },
      });
      expect(text).toContain('Environment="NMETRICS_TOKEN=tok\\"en%%$\\\\x"');
      writeFileSync(unitPath, text);
      const r = spawnSync(SYSTEMD_ANALYZE, ['verify', '--man=no', unitPath], { encoding: 'utf8' });
      // The script path does not exist here; every other complaint is ours.
      expect(r.error).toBeUndefined();
      const problems = `${r.stdout}${r.stderr}`
        .split('\n')
        .filter((l) => l.trim() !== '' && !/nmetrics\.js|is not executable|No such file/.test(l));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('launchd plist content', () => {
  it('escapes XML in every string', () => {
    const text = launchdPlist({
      command: 'serve',
      home: '/Users/<me>',
      programArguments: ['/n', '--token', `a<b>&'"`],
    });
    expect(text).toContain('<string>a&lt;b&gt;&amp;&apos;&quot;</string>');
    expect(text).toContain('/Users/&lt;me&gt;/Library/Logs/nmetrics-serve.log');
  });
});
