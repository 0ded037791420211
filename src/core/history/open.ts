/**
 * A history that lives in a directory (issue 14), shared by the app and `nmetrics serve`: the fine
 * tiers in memory as before, every tier from 10 s up appended to segment files as its buckets close
 * (disk-writer.ts), coarse tiers read back from disk for long ranges (disk-source.ts).
 *
 * Opening: take the directory's lock (lock.ts), import a legacy whole-file history once
 * (migrate.ts), check each tier's segments (scan.ts), apply retention, refill memory (restore.ts),
 * then append. `report.notes` says, one sentence each, what the start found and dropped.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DiskWriter } from './disk-writer';
import { restoreFineTiers, saveFineTiers } from './fine-file';
import { diskSource } from './disk-source';
import { historyFromStore, type History, type HistoryOptions } from './history';
import { expiredSegments, listSegments, segmentSpanMs, tierDir } from './layout';
import { lockDir } from './lock';
import { migrateLegacyFile } from './migrate';
import { resumeCoarse, RingRefill } from './restore';
import { scanTier, type TierScan } from './scan';
import { HistoryStore } from './store';
import { tiersForDays, type TierSpec } from './tier';

/** A year (issue 14): the app's and the daemon's default when nothing else is asked for. */
export const DEFAULT_DURABLE_DAYS = 365;
/** Tiers this fine stay in memory only: 1 s buckets of 200 series would be 69 MB a day on disk. */
const MIN_PERSISTED_MS = 10_000;

export interface OpenHistoryOptions extends Omit<HistoryOptions, 'source'> {
  readonly dir: string;
  /** A whole-file history of the previous format (file.ts) to import once, then rename `.migrated`. */
  readonly legacyFile?: string;
  /** Told of a failed write after start (a full disk); history goes on in memory. */
  readonly onError?: (error: Error) => void;
  /** Liveness of the pid in a lock file (tests); default kill(pid, 0). */
  readonly isAlive?: (pid: number) => boolean;
}

export interface OpenReport {
  /** Whether any earlier history was found. */
  readonly restored: boolean;
  /** What the start found, cut, set aside, deleted or imported; empty after a clean shutdown. */
  readonly notes: readonly string[];
}

export interface DurableHistory extends History {
  readonly dir: string;
  readonly report: OpenReport;
  /** Bytes appended since opening, and the 1 s tier once closed (bench/history-durable). */
  bytesWritten(): number;
  /** Marks a clean shutdown, syncs and closes the segments, releases the lock. */
  close(): Promise<void>;
}

/** The store's tiers with each persisted tier above the finest kept on disk, its newest bucket in memory. */
function layoutTiers(specs: readonly TierSpec[]): {
  specs: TierSpec[];
  persisted: boolean[];
  ringTier: number;
} {
  const persisted = specs.map(
    (s) => s.peaks && s.resolutionMs >= MIN_PERSISTED_MS && s.resolutionMs % 1000 === 0,
  );
  const ringTier = persisted.indexOf(true);
  return {
    specs: specs.map((s, i) => (persisted[i] && i !== ringTier ? { ...s, memory: 1 } : s)),
    persisted,
    ringTier,
  };
}

/** Deletes segments of tiers this history no longer keeps (the user chose fewer days). */
function dropUnusedTiers(dir: string, kept: readonly string[], notes: string[]): void {
  for (const name of readdirSync(dir)) {
    if (!/^tier-\d+s$/.test(name) || kept.includes(name)) continue;
    const count = listSegments(join(dir, name)).length;
    rmSync(join(dir, name), { recursive: true, force: true });
    if (count > 0)
      notes.push(
        `deleted ${count} segments of the ${name.slice(5)} tier, which this history length no longer keeps`,
      );
  }
}

export async function openHistory(options: OpenHistoryOptions): Promise<DurableHistory> {
  const { dir } = options;
  if (typeof dir !== 'string' || dir === '') throw new TypeError('dir: expected a directory path');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = lockDir(dir, options.isAlive);
  try {
    return await openLocked(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openLocked(
  options: OpenHistoryOptions,
  lock: ReturnType<typeof lockDir>,
): Promise<DurableHistory> {
  const { dir } = options;
  const notes: string[] = [];
  if (lock.recoveredFrom !== undefined)
    notes.push(`took over the lock left by process ${lock.recoveredFrom}, which no longer runs`);
  const { specs, persisted, ringTier } = layoutTiers(
    options.tiers ?? tiersForDays(options.days ?? DEFAULT_DURABLE_DAYS),
  );
  const store = new HistoryStore({
    tiers: specs,
    ...(options.maxSeries !== undefined ? { maxSeries: options.maxSeries } : {}),
    ...(options.maxProcessSeries !== undefined ? { maxProcessSeries: options.maxProcessSeries } : {}),
  });
  if (store.maxSeries > 0xffff)
    throw new RangeError('maxSeries: a durable history holds at most 65535 series');
  const folders = store.tiers.map((t) => tierDir(dir, t.spec.resolutionMs));
  dropUnusedTiers(
    dir,
    folders.filter((_, i) => persisted[i]).map((f) => f.slice(dir.length + 1)),
    notes,
  );
  if (options.legacyFile !== undefined) {
    const note = await migrateLegacyFile(options.legacyFile, dir, store, persisted);
    if (note !== undefined) notes.push(note);
  }
  const refill = ringTier < 0 ? undefined : new RingRefill(store, ringTier);
  // The ring tier keeps the decodes that may hold a coarse tier's open bucket (restore.ts).
  const coarsest = Math.max(...store.tiers.map((t) => t.spec.resolutionMs));
  const scans: (TierScan | undefined)[] = store.tiers.map((tier, i) => {
    if (!persisted[i]) return undefined;
    const segments = listSegments(folders[i]!);
    if (i !== ringTier) return scanTier(segments, tier.spec.resolutionMs, { decodeAll: false });
    const newest = segments.at(-1)?.startMs ?? 0;
    return scanTier(segments, tier.spec.resolutionMs, {
      decodeAll: true,
      visitor: () => refill!.segment(),
      retain: (s) =>
        s.startMs >= newest - coarsest - segmentSpanMs(tier.spec.resolutionMs, tier.spec.capacity),
    });
  });
  for (const scan of scans) if (scan !== undefined) notes.push(...scan.notes);
  const nowMs = (options.now ?? Date.now)();
  const ringScan = (scans[ringTier]?.segments ?? []).filter((s) => s.decoded !== undefined);
  const ringLast = refill?.finish();
  store.tiers.forEach((tier, i) => {
    const scan = scans[i];
    if (scan === undefined) return;
    if (i !== ringTier) {
      const newest = scan.segments.at(-1);
      resumeCoarse(store, i, newest?.lastBucketMs, ringScan, ringLast);
    }
    // Retention as the writer applies it (disk-writer.ts): segments wholly older than the window go.
    const cutoff = tier.open * tier.spec.resolutionMs - tier.spanMs;
    for (const old of expiredSegments(listSegments(folders[i]!), cutoff)) rmSync(old.path, { force: true });
  });
  // After the 10 s ring, so the 1 s tier's series get the same stores back (fine-file.ts).
  const fineNotes = await restoreFineTiers(dir, store, persisted, nowMs);
  const restored = scans.some((s) => s !== undefined && s.segments.length > 0);
  const lastRecord = ringScan.at(-1)?.decoded?.records.at(-1);
  if (ringLast !== undefined && lastRecord?.type !== 'close') {
    notes.push(
      `the previous run stopped without closing its history (a crash or kill); what it sampled after ${new Date(ringLast + store.tiers[ringTier]!.spec.resolutionMs).toISOString()} (its last 10 s bucket at most, and its 1 s tier) was not saved`,
    );
  }
  notes.push(...fineNotes);
  const writer = new DiskWriter({ dir, store, persisted, onError: options.onError ?? (() => undefined) });
  store.listener = writer;
  const history = historyFromStore(store, { ...options, source: diskSource(dir, store, persisted) });
  let closed = false;
  let fineBytes = 0;
  return Object.assign(history, {
    dir,
    report: { restored, notes },
    bytesWritten: () => writer.bytesWritten + fineBytes,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      store.listener = undefined;
      try {
        // The 1 s tier, which is in memory only, once (fine-file.ts); then the segments' close records.
        fineBytes = await saveFineTiers(dir, store, persisted);
      } catch (error) {
        (options.onError ?? (() => undefined))(error as Error);
      } finally {
        writer.close(Math.max(store.lastT, (options.now ?? Date.now)()));
        lock.release();
      }
    },
  });
}
