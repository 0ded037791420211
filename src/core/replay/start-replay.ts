/**
 * A recording made playable: a replay poller over its samples and an in-memory history whose "now"
 * is the replay's clock, so ranges ("last 5 minutes") mean the last five recorded minutes played
 * so far. `nmetrics serve --replay` and the app's replay windows both start one here; neither
 * writes it to disk.
 */
import { createHistory, type History } from '../history';
import type { ReplayInfo, ReplayPlayback } from '../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { Recording } from './recording';
import { createReplayPoller, type ReplayPoller } from './replay-poller';

export interface Replay {
  readonly poller: ReplayPoller;
  readonly history: History;
  /** The days `history` keeps, for settings as a server reports them. */
  readonly historyDays: number;
  /** What the views show: the file, its host and time range, and the playback as it is now. */
  info(): ReplayInfo;
  /** Applies a checked playback change (replay:control) and answers the new state. */
  control(playback: ReplayPlayback): ReplayInfo;
}

export function startReplay(recording: Recording, speed: number): Replay {
  const poller = createReplayPoller({ samples: recording.samples, speed });
  const historyDays = DEFAULT_SETTINGS.historyDays;
  const history = createHistory({ days: historyDays, now: () => poller.clock() });
  const info = (): ReplayInfo => ({ ...recording.info, speed: poller.speed, paused: poller.paused });
  return {
    poller,
    history,
    historyDays,
    info,
    control(playback) {
      if (playback.speed !== undefined) poller.setSpeed(playback.speed);
      if (playback.paused === true) poller.pause();
      if (playback.paused === false) poller.resume();
      return info();
    },
  };
}
