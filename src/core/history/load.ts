/**
 * Restoring history at start-up (the file format is in file.ts). Kept apart from file.ts so that
 * saving (which history.ts calls) and restoring (which builds a History) do not import each other.
 */
import { readFile, rename } from 'node:fs/promises';
import { copyStore } from './codec';
import { decodeHistory } from './file';
import { createHistory, historyFromStore, type History, type HistoryOptions } from './history';
import type { HistoryStore } from './store';

export interface LoadHistoryResult {
  readonly history: History;
  /** True when the file was read back. */
  readonly restored: boolean;
  /** Why the file was not restored (absent when it was, or when there was no file). */
  readonly problem?: string;
  /** Where an undecodable file was moved. */
  readonly setAsidePath?: string;
}

function sameLayout(a: HistoryStore, b: HistoryStore): boolean {
  return (
    a.tiers.length === b.tiers.length &&
    a.tiers.every((tier, i) => {
      const other = b.tiers[i]!.spec;
      return (
        tier.spec.resolutionMs === other.resolutionMs &&
        tier.spec.capacity === other.capacity &&
        tier.spec.peaks === other.peaks
      );
    })
  );
}

/**
 * Restores history from `path`, or starts an empty one. Never throws for a bad file: it is moved
 * aside and `problem` says why. The options (days, caps) win over the file's: data is copied into a
 * history of the requested shape where they differ.
 */
export async function loadHistory(path: string, options: HistoryOptions = {}): Promise<LoadHistoryResult> {
  if (typeof path !== 'string' || path === '') throw new TypeError('path: expected a file path');
  const fresh = createHistory(options);
  // A file we cannot use is moved aside, never left where the next save would replace it: an
  // unreadable file (EACCES, EIO) may still hold the user's week of history.
  const setAside = async (problem: string): Promise<LoadHistoryResult> => {
    const setAsidePath = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(path, setAsidePath);
    } catch (renameError) {
      return {
        history: fresh,
        restored: false,
        problem: `${problem}; moving it aside failed: ${(renameError as Error).message}`,
      };
    }
    return { history: fresh, restored: false, problem: `${problem}; moved to ${setAsidePath}`, setAsidePath };
  };
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { history: fresh, restored: false };
    return setAside(`cannot read ${path}: ${(error as Error).message}`);
  }
  let decoded: HistoryStore;
  try {
    decoded = await decodeHistory(file);
  } catch (error) {
    return setAside(`history file ${path} could not be restored (${(error as Error).message})`);
  }
  const fitsCaps =
    decoded.maxSeries === fresh.store.maxSeries && decoded.maxProcessSeries === fresh.store.maxProcessSeries;
  if (sameLayout(decoded, fresh.store) && fitsCaps)
    return { history: historyFromStore(decoded, options), restored: true };
  copyStore(decoded, fresh.store);
  return { history: fresh, restored: true };
}
