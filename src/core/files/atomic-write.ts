/**
 * The one way we write a whole file (DESIGN.md §2 "Files are written by one atomic-write helper"):
 * a temp file beside the target, fsync, rename over the target, then fsync of the folder, so a crash
 * leaves the old file or the new one, never half of one (rename(2) is atomic within a file system).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { mode?: number } = {},
): Promise<void> {
  if (typeof path !== 'string' || path === '') throw new TypeError('path: expected a file path');
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(tmp, 'w', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  // The rename is durable only once the folder's entry is on disk; not every file system lets a
  // folder be opened for that, and the file itself is complete either way.
  try {
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // best effort (see above)
  }
}
