/**
 * `nmetrics serve --replay FILE.jsonl [--speed N]`: the recording read and checked, a replay poller
 * over it, and a history whose "now" is the replay's clock, so ranges ("last 5 minutes") mean the
 * last five recorded minutes played so far.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createHistory, type History } from '../../core/history';
import { createReplayPoller, parseRecording, type ReplayPoller } from '../../core/replay';
import type { ReplayInfo } from '../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { UsageError } from '../args';

export interface ReplaySource {
  readonly poller: ReplayPoller;
  readonly history: History;
  readonly info: ReplayInfo;
}

/** Playback speeds from a tenth to a thousand times real time. */
export const SPEED_BOUNDS = { min: 0.1, max: 1000 } as const;

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
export function openReplay(path: string, speed: number): ReplaySource {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`--replay: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  const recording = parseRecording(text, basename(path));
  const poller = createReplayPoller({ samples: recording.samples, speed });
  const history = createHistory({ days: DEFAULT_SETTINGS.historyDays, now: () => poller.clock() });
  return { poller, history, info: { ...recording.info, speed } };
}
