/**
 * The engine behind one replay window: core's replay (a replay poller and an in-memory history on its
 * clock) and a metrics service over it, so history queries, capabilities and exports answer from the
 * recording exactly as `nmetrics serve --replay` does. It never touches the live engine: no disk
 * history, no alerts, no notifications, no tray.
 */
import { startReplay, type Recording, type Replay } from '../../core/replay';
import { createMetricsService, type MetricsService, type SettingsStore } from '../../core/service';
import type { Sample } from '../../shared/sample';
import { SECTIONS } from '../../shared/sections';

export interface ReplayEngine {
  readonly replay: Replay;
  readonly service: MetricsService;
  /** Stops the playback and drops the samples it held. */
  close(): Promise<void>;
  readonly closed: boolean;
}

export interface ReplayEngineOptions {
  readonly speed: number;
  /** The app's settings (units, ranges); the recording changes none of them. */
  readonly settings: SettingsStore;
  /** Each sample as it plays (the window's push). */
  readonly onSample: (sample: Sample) => void;
  readonly onError: (what: string, error: unknown) => void;
}

export function createReplayEngine(recording: Recording, options: ReplayEngineOptions): ReplayEngine {
  const replay = startReplay(recording, options.speed);
  const service = createMetricsService({
    shell: 'electron',
    poller: replay.poller,
    history: replay.history,
    settings: options.settings,
    // The recording decides its sections; a window's demand changes nothing.
    setDemand: () => undefined,
    replay: replay.info,
  });
  // Every recorded section, into the history and the window, as serve's engine backend does.
  const unsubscribe = replay.poller.subscribe(SECTIONS, (sample) => {
    try {
      replay.history.push(sample);
    } catch (error) {
      options.onError(`replay history ${recording.info.source}`, error);
    }
    options.onSample(sample);
  });
  let closed = false;
  return {
    replay,
    service,
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      service.close();
      await replay.poller.close();
    },
    get closed() {
      return closed;
    },
  };
}
