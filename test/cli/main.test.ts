import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../src/cli/main';
import { parseDuration, parseArgs, UsageError } from '../../src/cli/args';
import { resolveToken } from '../../src/cli/serve';
import { fakeIo } from './helpers/fake-io';

describe('nmetrics argument handling', () => {
  it('prints --help for every command and exits 0', async () => {
    for (const c of COMMANDS) {
      const io = fakeIo();
      expect(await runCli([c.name, '--help'], io), c.name).toBe(0);
      expect(io.out(), c.name).toMatch(/^Usage: nmetrics /);
      if (c.name !== 'info') expect(io.out(), c.name).toContain('--root DIR');
    }
    const io = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const c of COMMANDS) expect(io.out()).toContain(c.name);
  });
  it('exits 2 with a usage line for unknown commands, flags and sections', async () => {
    const cases: string[][] = [
      ['frobnicate'],
      ['snapshot', '--bogus'],
      ['snapshot', '--sections', 'cpu,nonsense'],
      ['watch', '--interval', 'soon'],
      ['record'],
      ['record', '--out', 'x.txt'],
      ['serve', '--port', '70000'],
      ['serve', '--host', '0.0.0.0', '--token', 'short'],
      ['push', '--db', 'x'],
      ['sensors'],
      ['service', 'reinstall'],
      ['snapshot', 'extra'],
      ['snapshot', '--root', '/nonexistent/nmetrics-root'],
      ['record', '--out', 'nmetrics-never-written.csv', '--root', '/nonexistent/nmetrics-root'],
      [],
    ];
    for (const argv of cases) {
      const io = fakeIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err(), argv.join(' ')).toMatch(/Usage: nmetrics/);
    }
    expect(existsSync('nmetrics-never-written.csv')).toBe(false);
  });
  it('parses flags strictly', () => {
    const specs = [
      { name: 'out', short: 'o', value: 'FILE', description: '' },
      { name: 'json', description: '' },
    ];
    expect([...parseArgs(['-o', 'a.csv', '--json'], specs).flags]).toEqual([
      ['out', 'a.csv'],
      ['json', true],
    ]);
    expect([...parseArgs(['--out=b.csv'], specs).flags]).toEqual([['out', 'b.csv']]);
    expect(() => parseArgs(['--out'], specs)).toThrow(UsageError);
    expect(() => parseArgs(['--json=1'], specs)).toThrow(/takes no value/);
    expect(() => parseArgs(['--out', 'a', '--out', 'b'], specs)).toThrow(/twice/);
    expect(parseDuration('500ms', 'i')).toBe(500);
    expect(parseDuration('2', 'i')).toBe(2000);
    expect(parseDuration('1.5m', 'i')).toBe(90_000);
    expect(() => parseDuration('0s', 'interval')).toThrow(/--interval/);
    expect(() => parseDuration('-1s', 'interval')).toThrow(/--interval/);
  });

  it('serve needs no token on loopback, generates one elsewhere, and refuses a short one', () => {
    expect(resolveToken('127.0.0.1', undefined)).toEqual({ generated: false });
    expect(resolveToken('::1', undefined)).toEqual({ generated: false });
    const a = resolveToken('0.0.0.0', undefined);
    const b = resolveToken('192.0.2.1', undefined);
    expect(a.generated).toBe(true);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(b.token).not.toBe(a.token);
    expect(resolveToken('0.0.0.0', 'given-token-1234567')).toEqual({
      token: 'given-token-1234567',
      generated: false,
    });
    expect(() => resolveToken('127.0.0.1', 'short')).toThrow(/--token/);
  });
});
