/**
 * The WebBackend over the engine: a Poller sampling the sections the server exports, an optional
 * History, and in-memory settings (the web UI may change them only with the token).
 */
import { hostname } from 'node:os';
import type { Poller } from '../../core/poller';
import type { HistoryQuery } from '../../shared/history-types';
import type { Capabilities, InvokeChannel, PushChannel, Settings } from '../../shared/ipc';
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { isSectionName, SECTIONS, type SectionName } from '../../shared/sections';
import { DEFAULT_SETTINGS, mergeSettings, validateSettingsPatch } from '../../shared/settings';
import type { HistoryLike, PushListener, WebBackend } from './backend';

export interface EngineBackendOptions {
  readonly poller: Poller;
  /** The sections the server samples all the time (for /metrics); default every section. */
  readonly sections?: readonly SectionName[];
  readonly history?: HistoryLike;
  /** Whether a token protects this server (then an authorized caller may change settings). */
  readonly hasToken: boolean;
}

export interface EngineBackend extends WebBackend {
  /** Stops the subscription (the poller is closed by its owner). */
  close(): void;
}

function expectArgs(channel: string, args: readonly unknown[], count: number): void {
  if (args.length !== count)
    throw new TypeError(`${channel}: expected ${count} argument(s), got ${args.length}`);
}

export function createEngineBackend(options: EngineBackendOptions): EngineBackend {
  const { poller, history } = options;
  const sections = options.sections ?? SECTIONS;
  const listeners = new Set<PushListener>();
  let latest: Sample | undefined;
  let settings: Settings = DEFAULT_SETTINGS;

  const emit = (channel: PushChannel, payload: unknown) => {
    for (const l of listeners) (l as (c: PushChannel, p: unknown) => void)(channel, payload);
  };
  const unsubscribe = poller.subscribe(sections, (sample) => {
    latest = sample;
    history?.push(sample);
    emit('metrics:sample', sample);
  });

  function capabilities(): Capabilities {
    const host = valueOf(latest?.host);
    const caps: Record<string, { available: boolean; reason?: string }> = {};
    for (const name of sections) {
      const r = latest?.[name];
      if (r !== undefined)
        caps[name] = r.ok ? { available: true } : { available: false, reason: r.error.message };
    }
    return {
      platform: host?.platform ?? (process.platform === 'darwin' ? 'darwin' : 'linux'),
      shell: 'web',
      sections: caps,
      hostname: host?.hostname ?? hostname(),
      canChangeSettings: options.hasToken,
    };
  }

  const handlers: Record<InvokeChannel, (args: readonly unknown[], authorized: boolean) => unknown> = {
    'app:getCapabilities': () => capabilities(),
    'metrics:getLatest': () => latest ?? null,
    'metrics:setDemand': (args) => {
      expectArgs('metrics:setDemand', args, 1);
      const list = args[0];
      if (!Array.isArray(list) || !list.every(isSectionName))
        throw new TypeError('metrics:setDemand: expected an array of section names');
      // The server samples its fixed section set for /metrics; a browser view's demand changes nothing.
      return undefined;
    },
    'history:listSeries': () => {
      if (history === undefined) throw new Error('history: this server keeps no history');
      return history.listSeries();
    },
    'history:query': (args) => {
      expectArgs('history:query', args, 1);
      if (history === undefined) throw new Error('history: this server keeps no history');
      return history.query(args[0] as HistoryQuery);
    },
    'export:run': () => {
      throw new Error('export:run: in a browser, download from /api/export');
    },
    'settings:get': () => settings,
    'settings:set': (args, authorized) => {
      expectArgs('settings:set', args, 1);
      if (!authorized)
        throw new Error('settings:set: this server was started without a token; settings are read-only');
      settings = mergeSettings(settings, validateSettingsPatch(args[0]));
      emit('settings:changed', settings);
      return settings;
    },
    'app:openDashboard': () => undefined,
    'app:openSettings': () => undefined,
  };

  return {
    latest: () => latest,
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    invoke: async (channel, args, authorized) => handlers[channel](args, authorized),
    queryHistory(query) {
      if (history === undefined) throw new Error('history: this server keeps no history');
      return history.query(query);
    },
    close: unsubscribe,
  };
}
