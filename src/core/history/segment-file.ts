/**
 * Reading a whole segment into one buffer that every read shares (valid until the next read).
 * Segments are read one after another, at start-up and for long queries; a fresh 2–3 MB buffer per
 * segment would leave the allocator holding freed memory that counts as resident (glibc raises its
 * mmap threshold after such frees, mallopt(3)), so a year's query would grow the process by tens of MB.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

let shared = Buffer.alloc(0);

/** Identity of the file a read saw: an append-only segment keeps it while it grows. */
export interface SegmentIdentity {
  readonly ino: number;
  readonly birthtimeMs: number;
  readonly size: number;
}

export function readSegmentShared(path: string): Buffer {
  return readSegmentWithIdentity(path).file;
}

export function readSegmentWithIdentity(path: string): { file: Buffer; identity: SegmentIdentity } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    const size = stat.size;
    if (shared.length < size)
      shared = Buffer.allocUnsafeSlow(Math.max(size, Math.floor(shared.length * 1.5)));
    let done = 0;
    while (done < size) {
      const n = readSync(fd, shared, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return {
      file: shared.subarray(0, done),
      identity: { ino: stat.ino, birthtimeMs: stat.birthtimeMs, size: done },
    };
  } finally {
    closeSync(fd);
  }
}

/** The buffer of asynchronous reads, and the queue that lets one read use it at a time. */
let sharedAsync = Buffer.alloc(0);
let queue: Promise<unknown> = Promise.resolve();

/**
 * Reads a segment on libuv's thread pool (the event loop keeps running while the disk works), then
 * calls `use` with its bytes, valid during that call only. Reads run one at a time, in call order.
 */
export function withSegmentAsync<T>(
  path: string,
  use: (file: Buffer, identity: SegmentIdentity) => T,
): Promise<T> {
  const run = async (): Promise<T> => {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (sharedAsync.length < stat.size)
        sharedAsync = Buffer.allocUnsafeSlow(Math.max(stat.size, Math.floor(sharedAsync.length * 1.5)));
      let done = 0;
      while (done < stat.size) {
        const { bytesRead } = await handle.read(sharedAsync, done, stat.size - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return use(sharedAsync.subarray(0, done), { ino: stat.ino, birthtimeMs: stat.birthtimeMs, size: done });
    } finally {
      await handle.close();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
