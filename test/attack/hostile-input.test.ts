// Hostile files from issue #17, through the real CLI: a FIFO, /dev/zero and links out of --root, and
// a FIFO as record's output. Each run has a deadline; before the fix each of them hung or grew
// without bound.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoot } from '../helpers/linux-fixtures';
import { probe, runCli, startServe } from './helpers/cli';

let dir: string;
let fifoRoot: string;
let linkRoot: string;

function mkfifo(path: string): void {
  rmSync(path, { force: true });
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-attack-'));
  writeFileSync(join(dir, 'secret'), 'SECRET-OUTSIDE\n', { mode: 0o600 });
  fifoRoot = join(dir, 'fifo-root');
  cpSync(fixtureRoot('laptop'), fifoRoot, { recursive: true, verbatimSymlinks: true });
  mkfifo(join(fifoRoot, 'proc/stat'));
  linkRoot = join(dir, 'link-root');
  cpSync(fixtureRoot('laptop'), linkRoot, { recursive: true, verbatimSymlinks: true });
  rmSync(join(linkRoot, 'proc/meminfo'));
  symlinkSync('/dev/zero', join(linkRoot, 'proc/meminfo'));
  rmSync(join(linkRoot, 'proc/sys/kernel/hostname'));
  symlinkSync(join(dir, 'secret'), join(linkRoot, 'proc/sys/kernel/hostname'));
  const hwmon = join(linkRoot, 'sys/devices/platform/thinkpad_hwmon/hwmon/hwmon0');
  mkfifo(join(hwmon, 'temp2_input'));
  rmSync(join(hwmon, 'temp1_label'));
  symlinkSync(join(dir, 'secret'), join(hwmon, 'temp1_label'));
  rmSync(join(hwmon, 'temp3_input'));
  symlinkSync('/dev/zero', join(hwmon, 'temp3_input'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile --root trees (real CLI)', () => {
  it('snapshot of a root whose proc/stat is a FIFO ends, naming the FIFO', async () => {
    const r = await runCli(['snapshot', '--json', '--root', fifoRoot, '--wait', '10ms'], 15_000);
    expect(r.status).toBe(0);
    const sample = JSON.parse(r.output) as { cpu: { ok: boolean; error?: { message: string } } };
    expect(sample.cpu.error?.message).toBe(
      'proc/stat: not a regular file (a FIFO, device or socket is never read)',
    );
  });

  it('serve on that root answers /metrics and ends on SIGTERM', async () => {
    const serve = await startServe(['--root', fifoRoot, '--interval', '100ms']);
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = await probe(`${serve.base}/metrics`, 3_000);
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect(await probe(`${serve.base}/healthz`)).toBe(200);
    serve.child.kill('SIGTERM');
    expect(await serve.ended(5_000)).toEqual({ status: 0, signal: null });
  });

  it('a link to /dev/zero or out of the root reads nothing from outside and stays bounded', async () => {
    const r = await runCli(['snapshot', '--json', '--root', linkRoot, '--wait', '10ms'], 15_000);
    expect(r.status).toBe(0);
    expect(r.output).not.toContain('SECRET-OUTSIDE');
    const sample = JSON.parse(r.output) as { memory: { ok: boolean; error?: { reason: string } } };
    expect(sample.memory.error?.reason).toBe('unavailable');
  });
});

describe('sensors --dump on a hostile --root (real CLI)', () => {
  it('skips the FIFO, the device and the link out of the root, and reads the rest', async () => {
    const r = await runCli(['sensors', '--dump', '--json', '--root', linkRoot], 15_000);
    expect(r.status).toBe(0);
    expect(r.output).not.toContain('SECRET-OUTSIDE');
    const { raw } = JSON.parse(r.output) as { raw: { chip: string; file: string; label?: string }[] };
    const files = raw.filter((f) => f.chip === 'hwmon0').map((f) => f.file);
    expect(files).toContain('temp1_input');
    expect(files).toContain('temp10_input');
    expect(files).not.toContain('temp2_input');
    expect(files).not.toContain('temp3_input');
    expect(raw.find((f) => f.file === 'temp1_input')?.label).toBeUndefined();
  });
});

describe('record --out to something that is not a file (real CLI)', () => {
  it('refuses a FIFO nobody reads at once, writing nothing and claiming nothing', async () => {
    const fifo = join(dir, 'out.csv');
    mkfifo(fifo);
    const r = await runCli(
      ['record', '--out', fifo, '--root', fixtureRoot('laptop'), '-i', '100ms', '-d', '1s'],
      10_000,
    );
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/cannot write .*out\.csv: it is a FIFO \(named pipe\), not a regular file/);
    expect(r.output).not.toMatch(/written/);
    expect(existsSync(fifo)).toBe(true);
  });
});

describe('--token (real CLI)', () => {
  it('refuses a token with whitespace, naming where it came from', async () => {
    const flag = await runCli(['serve', '--port', '0', '--token', 'abcdefghijklmnop qrst'], 10_000);
    expect(flag.status).toBe(2);
    expect(flag.output).toMatch(/--token: expected visible ASCII characters only/);
    const env = await runCli(['serve', '--port', '0'], 10_000, { NMETRICS_TOKEN: 'abcdefghijklmnop\tqrst' });
    expect(env.status).toBe(2);
    expect(env.output).toMatch(/NMETRICS_TOKEN: expected visible ASCII characters only/);
  });
});
