/** A WebBackend over hand-built samples, for server tests. */
import type { PushListener, WebBackend } from '../../../src/cli/serve/backend';
import { historyExportChunks } from '../../../src/core/export/history-export';
import type { HistoryResult } from '../../../src/shared/history-types';
import type { Sample } from '../../../src/shared/sample';

export interface FakeBackend extends WebBackend {
  push(sample: Sample): void;
  readonly listeners: number;
}

export function fakeBackend(first?: Sample, history?: HistoryResult): FakeBackend {
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
    async exportData(options, write) {
      const { format } = options as { format: 'csv' | 'jsonl' };
      if (history === undefined) throw new Error('export: this engine keeps no history');
      let bytes = 0;
      for (const chunk of historyExportChunks(history, format)) {
        bytes += Buffer.byteLength(chunk);
        await write(chunk);
      }
      return { rows: history.series[0]?.t.length ?? 0, bytes };
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
