/**
 * Ending a command when a system read does not return (issue #17). A stuck read (a hung driver
 * file, a FIFO on an old build) holds a libuv worker thread: it keeps the process alive, and exit()
 * would wait for it too, since libuv joins its worker threads at exit. So every wait for the engine
 * at shutdown is bounded, and a process left holding a stuck read ends by a signal's default
 * action, which no thread can delay.
 */
import type { Poller } from '../core/poller';
import { closeWithin, describeStall } from '../core/poller';
import type { CliIo } from './io';

/** How long a command may take to end after Ctrl-C, SIGTERM or its --duration. */
export const SHUTDOWN_GRACE_MS = 2_000;

/** A last write after a stop (push's final flush) fits inside the grace, with room to exit. */
export const LAST_WRITE_MS = 1_500;

let abandonedReads = 0;

/** Raises `signal` again with no handler left: its default action ends the process at once. */
function endBySignal(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

/**
 * After Ctrl-C or SIGTERM: if the command has not ended within the grace, end the process anyway,
 * with the status a shell expects from that signal (130 for SIGINT, 143 for SIGTERM).
 */
export function armShutdownDeadline(signal: NodeJS.Signals, stderr: NodeJS.WritableStream): void {
  const timer = setTimeout(() => {
    stderr.write(
      `nmetrics: still busy ${SHUTDOWN_GRACE_MS / 1000} s after ${signal} (a system read has not returned); stopping now\n`,
    );
    endBySignal(signal);
  }, SHUTDOWN_GRACE_MS);
  // Unref'd: a command that ends on time lets the process exit without waiting for the timer.
  timer.unref();
}

/**
 * Closes a poller, waiting at most the grace for a read in flight. A read still running then is
 * named on stderr and left behind; `endIfReadsAbandoned` ends the process once the command is done.
 */
export async function closePoller(poller: Poller, io: CliIo): Promise<void> {
  if (await closeWithin(poller, SHUTDOWN_GRACE_MS)) return;
  abandonedReads++;
  const reading = poller.inFlight();
  const what =
    reading === undefined
      ? 'a read has not returned'
      : describeStall({ sections: reading.sections, forMs: Date.now() - reading.startedAt });
  io.stderr.write(`nmetrics: ${what}; not waiting for it\n`);
}

/** Ends the process now when closePoller left a read behind (exit() would wait for it for good). */
export function endIfReadsAbandoned(signal: NodeJS.Signals | undefined): void {
  if (abandonedReads > 0) endBySignal(signal ?? 'SIGTERM');
}
