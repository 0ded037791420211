/** In-memory streams for driving runCli in-process. */
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/io';

export interface FakeIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  readonly abort: () => void;
  readonly stdinStream: PassThrough;
}

export function fakeIo(env: Record<string, string | undefined> = {}, tty = false): FakeIo {
  const stdout = Object.assign(new PassThrough(), tty ? { isTTY: true, columns: 100, rows: 30 } : {});
  const stderr = new PassThrough();
  const stdin = Object.assign(new PassThrough(), tty ? { isTTY: true, setRawMode: () => stdin } : {});
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const controller = new AbortController();
  return {
    stdout,
    stderr,
    stdin,
    stdinStream: stdin,
    signal: controller.signal,
    env,
    out: () => out,
    err: () => err,
    abort: () => controller.abort(),
  };
}
