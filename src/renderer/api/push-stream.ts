/**
 * One shared EventSource for all push channels, opened while anyone listens. EventSource retries by
 * itself after a dropped connection; when the browser gives up (readyState CLOSED, e.g. after an
 * HTTP error or a server restart refusing the first attempt) we open a new one after a delay.
 */
import { PUSH_CHANNELS, type PushChannel } from '../../shared/ipc';

/** The part of EventSource we use, so tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

/** EventSource.CLOSED (the constant is absent from jsdom and fakes). */
const CLOSED = 2;

export interface PushStream {
  subscribe(channel: PushChannel, cb: (data: unknown) => void): () => void;
  /** How many EventSources were opened (1 + reconnects). */
  readonly opened: number;
}

export interface PushStreamOptions {
  readonly url: string;
  readonly createEventSource: EventSourceFactory;
  readonly reconnectMs: number;
}

export function createPushStream(options: PushStreamOptions): PushStream {
  const listeners = new Map<PushChannel, Set<(data: unknown) => void>>();
  let source: EventSourceLike | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let opened = 0;

  const total = (): number => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  function open(): void {
    opened += 1;
    const es = options.createEventSource(options.url);
    source = es;
    for (const channel of PUSH_CHANNELS) {
      es.addEventListener(channel, (event) => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return; // A malformed event is dropped; the stream continues.
        }
        for (const cb of listeners.get(channel) ?? []) cb(data);
      });
    }
    es.onerror = () => {
      if (es.readyState !== CLOSED || source !== es) return;
      es.close();
      source = undefined;
      retry = setTimeout(() => {
        retry = undefined;
        if (total() > 0 && !source) open();
      }, options.reconnectMs);
    };
  }

  function close(): void {
    if (retry) clearTimeout(retry);
    retry = undefined;
    source?.close();
    source = undefined;
  }

  return {
    subscribe(channel, cb) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(cb);
      if (!source && !retry) open();
      return () => {
        set.delete(cb);
        if (total() === 0) close();
      };
    },
    get opened() {
      return opened;
    },
  };
}
