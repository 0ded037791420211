/** A WebBackend over hand-built samples, for server tests. */
import type { PushListener, WebBackend } from '../../../src/cli/serve/backend';
import type { HistoryQuery, HistoryResult } from '../../../src/shared/history-types';
import type { Sample } from '../../../src/shared/sample';

export interface FakeBackend extends WebBackend {
  push(sample: Sample): void;
  readonly listeners: number;
}

export function fakeBackend(first?: Sample, history?: (q: HistoryQuery) => HistoryResult): FakeBackend {
  let latest = first;
  const listeners = new Set<PushListener>();
  return {
    latest: () => latest,
    onPush(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async invoke(channel, args, authorized) {
      if (channel === 'metrics:getLatest') return latest ?? null;
      if (channel === 'settings:set' && !authorized) throw new Error('settings:set: read-only');
      return { channel, args, authorized };
    },
    queryHistory(q) {
      if (history === undefined) throw new Error('history: this server keeps no history');
      return history(q);
    },
    push(sample) {
      latest = sample;
      for (const l of listeners) l('metrics:sample', sample);
    },
    get listeners() {
      return listeners.size;
    },
  };
}
