/**
 * One-time import of the previous history format (a whole gzip file, file.ts): each of its tiers
 * that this history persists (10 s, 1 min) becomes one segment, and its 1 s tier the snapshot a
 * clean exit leaves (fine-snapshot.ts, restored at start while inside its hour), each written whole
 * by the atomic-write helper, so a crash mid-import leaves each tier imported or not. Then the old
 * file is renamed `<file>.migrated` (kept, not deleted: it is the user's data). A tier that already
 * has segments (or a snapshot) is not imported again, so an import cut short resumes where it stopped.
 */
import { access, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files';
import { decodeHistory } from './file';
import { encodeSnapshot, snapshotName, takeSnapshot } from './fine-snapshot';
import { listSegments, segmentName, tierDir } from './layout';
import { encodeAssign, encodeBucket, encodeHeader } from './segment';
import type { HistoryStore } from './store';
import type { SeriesStore, Tier } from './tier';

function tierSegment(
  old: HistoryStore,
  tierIndex: number,
  slots: number,
): { startMs: number; data: Buffer } | undefined {
  const tier: Tier = old.tiers[tierIndex]!;
  const res = tier.spec.resolutionMs;
  const series: SeriesStore[] = [...old.series.values()].slice(0, slots);
  const parts: Buffer[] = [encodeHeader({ resolutionMs: res, slots })];
  series.forEach((s, slot) => parts.push(encodeAssign(slot, { id: s.id, label: s.label, unit: s.unit })));
  const values = new Float32Array(slots * 3);
  let startMs: number | undefined;
  for (let bucket = Math.max(0, tier.open - tier.ring); bucket < tier.open; bucket++) {
    const ringSlot = bucket % tier.ring;
    if (tier.slotBucket[ringSlot] !== bucket) continue;
    values.fill(NaN);
    let any = false;
    series.forEach((s, slot) => {
      if (bucket < s.born[tierIndex]!) return;
      const data = s.data[tierIndex]!;
      const at = ringSlot * tier.columns;
      // A tier without peaks kept one value per bucket: its min and max are that value.
      const avg = data[at + (tier.columns === 1 ? 0 : 1)]!;
      values[slot * 3] = tier.columns === 1 ? avg : data[at]!;
      values[slot * 3 + 1] = avg;
      values[slot * 3 + 2] = tier.columns === 1 ? avg : data[at + 2]!;
      if (!Number.isNaN(avg)) any = true;
    });
    if (!any) continue;
    startMs ??= bucket * res;
    parts.push(encodeBucket(bucket * res, values));
  }
  return startMs === undefined ? undefined : { startMs, data: Buffer.concat(parts) };
}

/** Writes the old store's tier `from` as the snapshot of a memory-only tier, unless one is there. */
async function importFine(old: HistoryStore, from: number, dir: string): Promise<boolean> {
  const snapshot = takeSnapshot(old, from);
  if (snapshot === undefined) return false;
  const path = join(dir, snapshotName(snapshot.resolutionMs));
  try {
    await access(path);
    return false;
  } catch {
    await writeFileAtomic(path, encodeSnapshot(snapshot));
    return true;
  }
}

/** Imports `file` into `dir` for the persisted tiers of `store`; returns a note, or undefined when there was no file. */
export async function migrateLegacyFile(
  file: string,
  dir: string,
  store: HistoryStore,
  persisted: readonly boolean[],
): Promise<string | undefined> {
  try {
    await access(file);
  } catch {
    return undefined;
  }
  let old: HistoryStore;
  try {
    old = await decodeHistory(await readFile(file));
  } catch (error) {
    const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside).catch(() => undefined);
    return `the previous history file could not be imported (${(error as Error).message}); moved to ${aside}`;
  }
  const imported: string[] = [];
  for (const [i, tier] of store.tiers.entries()) {
    const from = old.tiers.findIndex((t) => t.spec.resolutionMs === tier.spec.resolutionMs);
    if (from < 0) continue;
    if (!persisted[i]) {
      // A memory-only tier (1 s) goes where a clean exit saves it; the start restores what is
      // still inside its span (fine-file.ts).
      if (await importFine(old, from, dir)) imported.push(`${tier.spec.resolutionMs / 1000} s`);
      continue;
    }
    const folder = tierDir(dir, tier.spec.resolutionMs);
    if (listSegments(folder).length > 0) continue;
    const segment = tierSegment(old, from, store.maxSeries);
    if (segment === undefined) continue;
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(folder, segmentName(segment.startMs)), segment.data);
    imported.push(`${tier.spec.resolutionMs / 1000} s`);
  }
  await rename(file, `${file}.migrated`);
  return `imported the previous history file (${imported.join(', ') || 'no'} tiers; ${old.series.size} series) and renamed it ${file}.migrated`;
}
