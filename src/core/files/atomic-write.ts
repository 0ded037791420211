/**
 * The one way this project writes a file that must be complete or untouched (settings, history,
 * exports, service files): write a temp file in the same folder, fsync it, rename it over the target,
 * then fsync the folder. rename(2) within one file system is atomic (POSIX), so a reader or a crash
 * sees the old file or the new one, never half of one; the folder fsync makes the rename itself
 * survive a power cut (fsync(2): "calling fsync() on the file does not necessarily ensure that the
 * entry in the directory containing the file has also reached disk"). The temp file is removed on
 * any failure.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits of a new file (default 0o600: our files hold settings, tokens and history). */
  readonly mode?: number;
}

type Chunk = string | Uint8Array;

function checkPath(path: unknown): asserts path is string {
  if (typeof path !== 'string' || path === '') throw new TypeError('path: expected a file path');
}

/** A hidden sibling name no other writer picks (pid + random), so concurrent writers never collide. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * fsync of the folder, so the rename is on disk. Some file systems refuse to open or sync a folder
 * (EISDIR/EINVAL/EPERM on some network and FUSE mounts); the file itself is complete either way.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // best effort (see above)
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes the chunks, in order, to `path` atomically (see the file comment). For large outputs made
 * piece by piece (history exports), so they never need to be held whole in memory.
 */
export async function writeChunksAtomic(
  path: string,
  chunks: Iterable<Chunk> | AsyncIterable<Chunk>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  checkPath(path);
  const mode = options.mode ?? 0o600;
  if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777)
    throw new RangeError('mode: expected permission bits such as 0o600');
  const tmp = tempPathFor(path);
  const handle = await open(tmp, 'wx', mode);
  try {
    try {
      for await (const chunk of chunks) {
        if (typeof chunk === 'string') await handle.write(chunk, null, 'utf8');
        else await handle.write(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Writes `data` to `path` atomically: the target holds the old content or all of the new, never part. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array))
    throw new TypeError('data: expected a string or a Uint8Array');
  await writeChunksAtomic(path, [data], options);
}
