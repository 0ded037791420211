/**
 * `nmetrics serve --replay FILE.jsonl [--speed N]`: the recording read and checked, then played
 * (core/replay startReplay: a replay poller and a history on the replay's clock).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseRecording, startReplay, type Replay } from '../../core/replay';
import { REPLAY_SPEED_BOUNDS as SPEED_BOUNDS } from '../../shared/payload-schemas';
import { UsageError } from '../args';

export { SPEED_BOUNDS };

export function parseSpeed(text: string | undefined): number {
  if (text === undefined) return 1;
  const speed = /^\d+(\.\d+)?x?$/.test(text) ? Number(text.replace(/x$/, '')) : NaN;
  if (!(speed >= SPEED_BOUNDS.min && speed <= SPEED_BOUNDS.max)) {
    throw new UsageError(
      `--speed: expected a number from ${SPEED_BOUNDS.min} to ${SPEED_BOUNDS.max} (10 plays ten times faster), got "${text}"`,
    );
  }
  return speed;
}

/** Reads FILE; throws an Error naming the file (and line) when it cannot be replayed. */
export function openReplay(path: string, speed: number): Replay {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`--replay: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  return startReplay(parseRecording(text, basename(path)), speed);
}
