/**
 * The engine inside the app: the native sampler, the poller (demand-driven, owned here), the history
 * (restored from and saved to userData), the alert engine for the current rules, and the metrics
 * service that answers the engine-level invoke channels exactly as `nmetrics serve` does.
 */
import { join } from 'node:path';
import { createAlertEngine } from '../../core/alerts';
import type { AlertEngine } from '../../core/alerts';
import { derive } from '../../core/derive';
import type { History } from '../../core/history';
import { loadHistory } from '../../core/history';
import { createMetricsService } from '../../core/service';
import type { MetricsService, SettingsStore } from '../../core/service';
import { createPoller } from '../../core/poller';
import type { Poller } from '../../core/poller';
import { createSampler } from '../../core/sampler';
import { seriesOf } from '../../core/history';
import type { AlertRule } from '../../shared/alert-types';
import type { Settings } from '../../shared/ipc';
import { closeWithin } from '../../core/poller';

export const HISTORY_FILE = 'history.dmh';
/** How long quitting waits for a read in flight; a sample takes milliseconds (README, Performance). */
const QUIT_READ_WAIT_MS = 2_000;

export interface Engine {
  readonly poller: Poller;
  readonly service: MetricsService;
  /** The current history (replaced when historyDays changes). */
  history(): History;
  alerts(): AlertEngine;
  /** Rebuilds the alert engine (a rule change resets pending and firing state). */
  setRules(rules: readonly AlertRule[]): void;
  /** Re-shapes the history for a new number of days, keeping what fits. */
  setHistoryDays(days: number): Promise<void>;
  saveHistory(): Promise<void>;
  close(): Promise<void>;
}

export interface EngineOptions {
  readonly settings: Settings;
  readonly settingsStore: SettingsStore;
  readonly userData: string;
  readonly onError: (what: string, error: unknown) => void;
  /** Told once when a saved history could not be restored. */
  readonly onHistoryProblem: (message: string) => void;
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const historyPath = join(options.userData, HISTORY_FILE);
  const historyOptions = (days: number) => ({
    days,
    seriesOf: (s: Parameters<typeof seriesOf>[0]) => seriesOf(s),
  });
  const loaded = await loadHistory(historyPath, historyOptions(options.settings.historyDays));
  if (loaded.problem !== undefined) options.onHistoryProblem(loaded.problem);
  let history = loaded.history;

  const poller = createPoller({
    source: createSampler(),
    intervalMs: options.settings.trayIntervalMs,
    ownsSource: true,
    derive,
    onError: (error, kind) => options.onError(`poller ${kind}`, error),
  });
  let alertEngine = createAlertEngine(options.settings.alerts);

  // The service keeps this object; it always reaches the current history.
  const historyView: Pick<History, 'query' | 'queryAll' | 'listSeries'> = {
    query: (q) => history.query(q),
    queryAll: (q) => history.queryAll(q),
    listSeries: () => history.listSeries(),
  };
  const service = createMetricsService({
    shell: 'electron',
    poller,
    history: historyView,
    settings: options.settingsStore,
    // Demand is per window in the app (sampling.ts); the main process answers metrics:setDemand itself.
    setDemand: () => undefined,
  });

  let saving: Promise<void> = Promise.resolve();
  const saveHistory = (): Promise<void> => {
    const run = saving.then(() => history.save(historyPath));
    saving = run.catch(() => undefined);
    return run;
  };

  return {
    poller,
    service,
    history: () => history,
    alerts: () => alertEngine,
    setRules(rules) {
      alertEngine = createAlertEngine(rules);
    },
    async setHistoryDays(days) {
      // history-file copies a saved history into the requested shape: save, then load re-shaped.
      await saveHistory();
      const next = await loadHistory(historyPath, historyOptions(days));
      if (next.problem !== undefined) throw new Error(next.problem);
      history = next.history;
    },
    saveHistory,
    async close() {
      service.close();
      // A read stuck in a driver file must not cost the history or hold the quit (issue #17).
      await closeWithin(poller, QUIT_READ_WAIT_MS);
      await saveHistory();
    },
  };
}
