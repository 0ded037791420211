/**
 * One writer per history directory: `<dir>/LOCK` holds the writer's pid, created exclusively
 * (O_CREAT|O_EXCL, open(2)). A lock whose pid no longer runs (a crash, kill -9) is stale and taken
 * over; a live one is an error that names the other process.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'LOCK';
/** Directories this process holds: its own pid in a lock is stale unless listed here. */
const held = new Set<string>();

export class HistoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `history directory ${dir} is in use by process ${pid}; stop it, or choose another directory (--data-dir) or --no-history`,
    );
    this.name = 'HistoryLockedError';
  }
}

/** Whether `pid` names a running process (kill(2) with signal 0: EPERM means it runs as someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export interface DirLock {
  /** The pid of a stale lock that was taken over, if any. */
  readonly recoveredFrom: number | undefined;
  release(): void;
}

/** Takes the directory's lock or throws HistoryLockedError. */
export function lockDir(dir: string, isAlive: (pid: number) => boolean = pidAlive): DirLock {
  const path = join(dir, LOCK_FILE);
  let recoveredFrom: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = readPid(path);
      // Our own pid in the file is a lock left by an earlier life of this pid (a container restart),
      // unless this process holds it now.
      const live = pid === process.pid ? held.has(path) : pid !== undefined && isAlive(pid);
      if (live) throw new HistoryLockedError(dir, pid!);
      recoveredFrom = pid;
      try {
        unlinkSync(path);
      } catch {
        // another process removed it first; try again
      }
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    held.add(path);
    return {
      recoveredFrom,
      release() {
        if (!held.delete(path)) return;
        if (readPid(path) === process.pid) unlinkSync(path);
      },
    };
  }
  throw new Error(`history directory ${dir}: could not take ${LOCK_FILE} (it keeps changing)`);
}
