/**
 * An append-only file of rows where every row is written whole or not at all: when a write fails
 * part-way (disk full, file size limit, I/O error), the file is cut back to where the row began,
 * so the rows already written stay a valid CSV/JSONL file, and the error names the file.
 *
 * Only regular files are accepted. A FIFO with no reader blocks `writeSync` once its buffer fills
 * (issue #17: --duration and SIGTERM were ignored, and rows nobody read were reported written); a
 * device cannot be cut back to a whole row. The open itself is non-blocking so that even a FIFO
 * is only looked at, never waited on.
 */
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

export class RowFileError extends Error {}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const hints: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EFBIG: 'the file is larger than this system allows',
    EDQUOT: 'the disk quota is exhausted',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'the folder does not exist',
    EISDIR: 'it is a folder',
    EROFS: 'the file system is read-only',
  };
  return err.code !== undefined && hints[err.code] !== undefined
    ? `${hints[err.code]} (${err.code})`
    : err.message;
}

// 'a+' (read for the partial-row check, append, create) without waiting on a FIFO or becoming a
// controlling terminal: open(2) O_NONBLOCK, O_NOCTTY.
const APPEND_FLAGS =
  constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK | constants.O_NOCTTY;

/** What the open file is when it is not a regular file ("a FIFO", "a device"), else undefined. */
function nonRegularKind(fd: number): string | undefined {
  const st = fstatSync(fd);
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}

export class RowFile {
  private fd: number | undefined;
  private size: number;
  rows = 0;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
    this.size = fstatSync(fd).size;
  }

  static open(path: string): RowFile {
    let fd: number;
    try {
      fd = openSync(path, APPEND_FLAGS, 0o666);
    } catch (e) {
      throw new RowFileError(`cannot write ${path}: ${describe(e)}`, { cause: e });
    }
    const kind = nonRegularKind(fd);
    if (kind !== undefined) {
      closeSync(fd);
      throw new RowFileError(
        `cannot write ${path}: it is ${kind}, not a regular file; record appends to files only`,
      );
    }
    const file = new RowFile(path, fd);
    if (file.endsInPartialRow()) {
      file.close();
      // Appending would glue the next row onto the fragment. The file is not ours to repair: say so.
      throw new RowFileError(
        `${path} ends with an incomplete row (an earlier run was cut off mid-write); ` +
          'remove that last partial line or record to another file',
      );
    }
    return file;
  }

  /** True when a non-empty file does not end with a newline. */
  private endsInPartialRow(): boolean {
    if (this.fd === undefined || this.size === 0) return false;
    const last = Buffer.alloc(1);
    try {
      return readSync(this.fd, last, 0, 1, this.size - 1) === 1 && last[0] !== 0x0a;
    } catch {
      return false; // not readable at an offset (a device or a pipe): nothing to check
    }
  }

  get bytes(): number {
    return this.size;
  }

  /** The first line already in the file ('' for a new or empty file), to check a CSV header. */
  firstLine(maxBytes = 1 << 20): string {
    if (this.fd === undefined || this.size === 0) return '';
    const buf = Buffer.alloc(Math.min(maxBytes, this.size));
    const n = readSync(this.fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? text : text.slice(0, end + 1);
  }

  /** Appends one row completely, or restores the file and throws a RowFileError. */
  append(text: string): void {
    if (this.fd === undefined) throw new RowFileError(`${this.path} is closed`);
    const data = Buffer.from(text, 'utf8');
    const start = this.size;
    let done = 0;
    try {
      while (done < data.length) done += writeSync(this.fd, data, done, data.length - done);
    } catch (e) {
      try {
        if (done > 0) ftruncateSync(this.fd, start);
      } catch {
        // A device like /dev/full cannot be truncated; nothing was written to it either.
      }
      throw new RowFileError(
        `cannot write ${this.path}: ${describe(e)}; the ${this.rows} row(s) written before are intact`,
        { cause: e },
      );
    }
    this.size += data.length;
    this.rows++;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
