/**
 * Saving the memory-only tiers (1 s) at clean shutdown and restoring them at the next start
 * (format and reasons in fine-snapshot.ts). The file is read once and deleted, so it is restored at
 * most once, and a later crash cannot bring back an hour that has since been overwritten.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files';
import { decodeSnapshot, encodeSnapshot, snapshotName, takeSnapshot } from './fine-snapshot';
import { restoreFine } from './restore';
import type { HistoryStore } from './store';

/** Writes each memory-only tier's closed buckets to its snapshot file; returns bytes written. */
export async function saveFineTiers(
  dir: string,
  store: HistoryStore,
  persisted: readonly boolean[],
): Promise<number> {
  let bytes = 0;
  for (const [i, tier] of store.tiers.entries()) {
    if (persisted[i] === true) continue;
    const snapshot = takeSnapshot(store, i);
    if (snapshot === undefined) continue;
    const data = encodeSnapshot(snapshot);
    await writeFileAtomic(join(dir, snapshotName(tier.spec.resolutionMs)), data);
    bytes += data.length;
  }
  return bytes;
}

/** Restores each memory-only tier from its snapshot file, then deletes the file; returns notes. */
export async function restoreFineTiers(
  dir: string,
  store: HistoryStore,
  persisted: readonly boolean[],
  nowMs: number,
): Promise<string[]> {
  const notes: string[] = [];
  for (const [i, tier] of store.tiers.entries()) {
    if (persisted[i] === true) continue;
    const path = join(dir, snapshotName(tier.spec.resolutionMs));
    let file: Buffer;
    try {
      file = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        notes.push(
          `could not read the ${tier.spec.resolutionMs / 1000} s tier saved at exit: ${(error as Error).message}`,
        );
      continue;
    }
    try {
      // Buckets past the tier's hour are ordinary expiry, not news; only a clock set back is.
      const { future } = restoreFine(store, i, decodeSnapshot(file), nowMs);
      if (future > 0)
        notes.push(
          `dropped ${future} ${tier.spec.resolutionMs / 1000} s buckets saved at exit that lie after the current time (the clock was set back)`,
        );
    } catch (error) {
      notes.push(
        `the ${tier.spec.resolutionMs / 1000} s tier saved at exit could not be restored (${(error as Error).message}); deleted it`,
      );
    }
    await rm(path, { force: true });
  }
  return notes;
}
