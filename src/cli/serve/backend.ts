/**
 * What the web server needs from the engine. `createEngineBackend` builds it over core's metrics
 * service, a Poller and a History; tests build it over hand-made samples.
 */
import type { InvokeChannel, PushChannel, PushChannels } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';

export type PushListener = <C extends PushChannel>(channel: C, payload: PushChannels[C]) => void;

export interface ExportCount {
  readonly rows: number;
  readonly bytes: number;
}

export interface WebBackend {
  /** The newest sample, or undefined before the first one; sections of a stalled read say so. */
  latest(): Sample | undefined;
  /** What is stalled ("thermal: the read has not returned for 12 s"), or undefined when healthy. */
  stalled?(): string | undefined;
  /** Push events for the SSE stream; returns the unsubscribe function. */
  onPush(listener: PushListener): () => void;
  /**
   * Runs an invoke channel with its untrusted arguments. `authorized` says whether the caller
   * proved the token (settings may only change then). Throws with a message on bad arguments.
   */
  invoke(channel: InvokeChannel, args: readonly unknown[], authorized: boolean): Promise<unknown>;
  /**
   * Streams a history export ({ range, series, format }, untrusted) through `write`. Throws a
   * TypeError/RangeError for bad options, another Error when no history is kept.
   */
  exportData(options: unknown, write: (chunk: string) => void | Promise<void>): Promise<ExportCount>;
}
