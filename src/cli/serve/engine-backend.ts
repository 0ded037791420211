/**
 * The WebBackend over the engine: core's metrics service (the same handlers Electron main uses),
 * a Poller sampling the sections the server exports, a History fed by it, and in-memory settings
 * that only a caller holding the token may change.
 */
import { createAlertEngine } from '../../core/alerts';
import { createHistory, type History } from '../../core/history';
import {
  createMemorySettingsStore,
  createMetricsService,
  isServiceChannel,
  type SettingsStore,
} from '../../core/service';
import type { Poller } from '../../core/poller';
import { describeStall, markStalled, stalledRead } from '../../core/poller';
import { validateInvokeArgs } from '../../shared/payload-schemas';
import type { PushChannel } from '../../shared/ipc';
import type { Replay } from '../../core/replay';
import type { Sample } from '../../shared/sample';
import { SECTIONS, type SectionName } from '../../shared/sections';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../../shared/settings';
import type { PushListener, WebBackend } from './backend';

export interface EngineBackendOptions {
  readonly poller: Poller;
  /** The sections the server samples all the time (for /metrics); default every section. */
  readonly sections?: readonly SectionName[];
  /** The server's history (serve opens it in its data directory); null keeps none (--no-history). Default: a week in memory. */
  readonly history?: History | null;
  /** The days `history` keeps (settings.historyDays as the server reports it); default 7. */
  readonly historyDays?: number;
  /** Whether a token protects this server (then an authorized caller may change settings). */
  readonly hasToken: boolean;
  /** Set when the poller replays a recording (shown by the views with its host and time range, played and held by replay:control). */
  readonly replay?: Pick<Replay, 'info' | 'control'>;
}

export interface EngineBackend extends WebBackend {
  /** Stops the subscription (the poller is closed by its owner). */
  close(): void;
}

export function createEngineBackend(options: EngineBackendOptions): EngineBackend {
  const { poller } = options;
  const historyDays = options.historyDays ?? 7;
  const history = options.history === undefined ? createHistory({ days: historyDays }) : options.history;
  // Alerts follow the settings' rules; a settings change replaces the engine (and its state).
  let alerts = createAlertEngine(DEFAULT_SETTINGS.alerts);
  const memorySettings = createMemorySettingsStore({ ...DEFAULT_SETTINGS, historyDays }, (s) => {
    alerts = createAlertEngine(s.alerts);
    emit('settings:changed', s);
  });
  // The server's history is sized once at start (--history-days): refuse a new length rather than
  // accept a setting that would change nothing.
  const settings: SettingsStore = {
    get: memorySettings.get,
    set(patch) {
      const valid = validateSettingsPatch(patch);
      if (valid.historyDays !== undefined && valid.historyDays !== historyDays) {
        throw new Error(
          `settings.historyDays: nmetrics serve keeps ${historyDays} days of history; restart it with --history-days to change that`,
        );
      }
      // Build the alert engine first: a rule it rejects must leave the settings untouched.
      if (valid.alerts !== undefined) createAlertEngine(valid.alerts);
      return memorySettings.set(valid);
    },
  };
  const listeners = new Set<PushListener>();
  const emit = (channel: PushChannel, payload: unknown) => {
    for (const l of listeners) (l as (c: PushChannel, p: unknown) => void)(channel, payload);
  };
  const service = createMetricsService({
    shell: 'web',
    poller,
    ...(history === null ? {} : { history }),
    settings,
    canChangeSettings: options.hasToken,
    // The server samples its fixed section set for /metrics and history; a browser view's demand changes nothing.
    setDemand: () => undefined,
    ...(options.replay === undefined ? {} : { replay: options.replay.info }),
  });
  const unsubscribe = poller.subscribe(options.sections ?? SECTIONS, (sample: Sample) => {
    history?.push(sample);
    emit('metrics:sample', sample);
    for (const event of alerts.evaluate(sample)) emit('alerts:event', event);
  });

  return {
    latest() {
      const sample = poller.latest();
      const stall = stalledRead(poller);
      return sample !== undefined && stall !== undefined ? markStalled(sample, stall) : sample;
    },
    stalled() {
      const stall = stalledRead(poller);
      return stall === undefined ? undefined : describeStall(stall);
    },
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async invoke(channel, args, authorized) {
      if (channel === 'app:openDashboard' || channel === 'app:openSettings') {
        validateInvokeArgs(channel, args);
        return undefined;
      }
      if (channel === 'replay:open') {
        validateInvokeArgs(channel, args);
        throw new Error(
          'replay:open: a browser cannot open files on the server; run nmetrics serve --replay FILE.jsonl',
        );
      }
      if (channel === 'replay:control') {
        const [playback] = validateInvokeArgs(channel, args);
        // Anyone the server let in may hold or speed the playback: it changes what is shown, nothing on this machine.
        if (options.replay === undefined)
          throw new Error('replay:control: this server shows live data, not a recording');
        return options.replay.control(playback);
      }
      if (channel === 'export:run') {
        // A bad payload gets the same answer as over IPC; a good one is told where exports are.
        validateInvokeArgs(channel, args);
        throw new Error('export:run: in a browser, download from /api/export');
      }
      if (!isServiceChannel(channel)) throw new Error(`${String(channel)}: not available here`);
      return service.invoke(channel, args, { canChangeSettings: authorized });
    },
    exportData: (opts, write) => service.exportData(opts, write),
    close() {
      unsubscribe();
      service.close();
    },
  };
}
