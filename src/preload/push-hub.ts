/**
 * Fans one push channel out to the page's subscribers, and holds messages that arrive before the
 * page subscribed (the renderer is not ready yet while React mounts). Pure: no Electron here, so it
 * is tested in Node.
 */

export interface PushHub<T> {
  /** Called for every message from the main process. */
  deliver(payload: T): void;
  /** Adds a subscriber, hands it the held messages, returns its unsubscribe. */
  subscribe(cb: (payload: T) => void): () => void;
  readonly subscriberCount: number;
}

/**
 * `hold` is how many early messages to keep: 1 for state (the latest sample or settings replace
 * older ones), more for events (every alert matters).
 */
export function createPushHub<T>(hold: number, onError: (err: unknown) => void = () => {}): PushHub<T> {
  if (!Number.isInteger(hold) || hold < 0) throw new RangeError(`hold: expected an integer ≥ 0, got ${hold}`);
  const subscribers = new Set<(payload: T) => void>();
  let held: T[] = [];

  const call = (cb: (payload: T) => void, payload: T): void => {
    try {
      cb(payload);
    } catch (err) {
      // One broken subscriber must not starve the others.
      onError(err);
    }
  };

  return {
    deliver(payload) {
      if (subscribers.size === 0) {
        if (hold === 0) return;
        held.push(payload);
        if (held.length > hold) held = held.slice(held.length - hold);
        return;
      }
      for (const cb of [...subscribers]) call(cb, payload);
    },
    subscribe(cb) {
      if (typeof cb !== 'function') throw new TypeError('cb: expected a function');
      // A fresh wrapper per call, so subscribing the same function twice gives two independent subscriptions.
      const entry = (payload: T): void => cb(payload);
      subscribers.add(entry);
      const early = held;
      held = [];
      for (const payload of early) call(entry, payload);
      return () => {
        subscribers.delete(entry);
      };
    },
    get subscriberCount() {
      return subscribers.size;
    },
  };
}
