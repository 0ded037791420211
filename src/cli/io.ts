/** The streams a command talks to: process.std* in the binary, fakes in tests. */
import type { Readable, Writable } from 'node:stream';

export interface CliOutput extends Writable {
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: Writable;
  readonly stdin: Readable & { readonly isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  /** Aborts on Ctrl-C / SIGTERM (the binary wires the signals). */
  readonly signal: AbortSignal;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
