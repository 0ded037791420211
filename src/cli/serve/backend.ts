/**
 * What the web server needs from the engine. `createEngineBackend` builds it over a Poller (and a
 * History when one is given); tests build it over hand-made samples.
 */
import type { HistoryQuery, HistoryResult, SeriesInfo } from '../../shared/history-types';
import type { InvokeChannel, PushChannel, PushChannels } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';

export type PushListener = <C extends PushChannel>(channel: C, payload: PushChannels[C]) => void;

export interface WebBackend {
  /** The newest sample, or undefined before the first one. */
  latest(): Sample | undefined;
  /** Push events for the SSE stream; returns the unsubscribe function. */
  onPush(listener: PushListener): () => void;
  /**
   * Runs an invoke channel. `authorized` says whether the caller proved the token (settings may
   * only change then). Throws with a message on bad arguments.
   */
  invoke(channel: InvokeChannel, args: readonly unknown[], authorized: boolean): Promise<unknown>;
  /** History for /api/export; throws when this server keeps none. */
  queryHistory(query: HistoryQuery): HistoryResult;
}

/** The part of core/history the server uses (H-poller's createHistory). */
export interface HistoryLike {
  push(sample: Sample): void;
  query(q: HistoryQuery): HistoryResult;
  listSeries(): readonly SeriesInfo[];
}
