/**
 * The poller surface `serve`'s stream endpoints use (WebSocket, gRPC), with samples pushed by the
 * test through the real one-slot mailbox of core/poller's Subscriber, for tests that must push
 * faster than a machine samples.
 */
import { Subscriber, type SampleCallback } from '../../../src/core/poller/subscriber';
import type { Sample } from '../../../src/shared/sample';
import type { SectionName } from '../../../src/shared/sections';

export class FedPoller {
  readonly intervalMs = 250;
  readonly subscribers = new Set<Subscriber>();

  subscribe(sections: readonly SectionName[], cb: SampleCallback): () => void {
    const sub = new Subscriber(sections, cb, (e) => {
      throw e;
    });
    this.subscribers.add(sub);
    return () => {
      sub.close();
      this.subscribers.delete(sub);
    };
  }

  samples(): never {
    throw new Error('FedPoller keeps no history');
  }

  latest(): undefined {
    return undefined;
  }

  push(sample: Sample): void {
    for (const sub of this.subscribers) sub.offer(sample);
  }
}
