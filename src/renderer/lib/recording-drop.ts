/**
 * What a drop on the dashboard means: one recording file (src/shared/recording-files.ts) to open in a
 * window of its own, or a sentence saying why not. Pure, so the rules are tested without a browser;
 * the drop zone (views/dashboard/recording-drop-zone.tsx) only forwards the DOM's lists.
 */
import { isRecordingName, RECORDING_HINT } from '../../shared/recording-files';

/** The parts of a File this reads. */
export interface NamedFile {
  readonly name: string;
}

export type DropChoice<F> = { readonly file: F } | { readonly error: string };

/** True while a drag carries files (not text or a link): only then does the zone light up. */
export function carriesFiles(types: readonly string[] | undefined): boolean {
  return types !== undefined && Array.from(types).includes('Files');
}

/** The recording among the dropped files, or why there is none; one window per drop keeps it clear. */
export function chooseDroppedRecording<F extends NamedFile>(files: ArrayLike<F>): DropChoice<F> {
  const list = Array.from(files);
  const first = list[0];
  if (first === undefined) return { error: 'Nothing to open: drop a recording file.' };
  if (list.length > 1) return { error: `Drop one recording at a time (got ${list.length} files).` };
  if (!isRecordingName(first.name))
    return { error: `${first.name} is not a recording: expected ${RECORDING_HINT}.` };
  return { file: first };
}

/** Speeds offered in a replay's controls, within REPLAY_SPEED_BOUNDS (src/shared/payload-schemas.ts). */
export const REPLAY_SPEEDS: readonly number[] = [0.5, 1, 2, 5, 10, 50, 100, 1000];
