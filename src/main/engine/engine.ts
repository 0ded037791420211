/**
 * The engine inside the app: the native sampler, the poller (demand-driven, owned here), the history
 * (appended to segments in userData/history as it goes, core/history/open.ts), the alert engine for
 * the current rules, and the metrics service that answers the engine-level invoke channels exactly
 * as `nmetrics serve` does.
 */
import { join } from 'node:path';
import { createAlertEngine } from '../../core/alerts';
import type { AlertEngine } from '../../core/alerts';
import { derive } from '../../core/derive';
import type { History } from '../../core/history';
import { createHistory, openHistory, type DurableHistory } from '../../core/history';
import { createMetricsService } from '../../core/service';
import type { MetricsService, SettingsStore } from '../../core/service';
import { createPoller } from '../../core/poller';
import type { Poller } from '../../core/poller';
import { createSampler } from '../../core/sampler';
import { seriesOf } from '../../core/history';
import type { AlertRule } from '../../shared/alert-types';
import type { Settings } from '../../shared/ipc';
import { closeWithin } from '../../core/poller';

/** The whole-file history of earlier versions, imported once into HISTORY_DIR. */
export const HISTORY_FILE = 'history.dmh';
/** How long quitting waits for a read in flight; a sample takes milliseconds (README, Performance). */
const QUIT_READ_WAIT_MS = 2_000;
export const HISTORY_DIR = 'history';

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
  close(): Promise<void>;
}

export interface EngineOptions {
  readonly settings: Settings;
  readonly settingsStore: SettingsStore;
  readonly userData: string;
  readonly onError: (what: string, error: unknown) => void;
  /** Told what opening the history found and dropped (a crash, a torn record), once per opening. */
  readonly onHistoryProblem: (message: string) => void;
  /** Opens the history (tests); default core/history openHistory. */
  readonly openHistory?: typeof openHistory;
}

/**
 * Opens the durable history, or when that is impossible (another process holds the folder, it is
 * not writable) keeps one in memory and says why: the app still runs and charts.
 */
async function openOrMemory(
  options: EngineOptions,
  days: number,
): Promise<{ history: History; durable?: DurableHistory }> {
  const open = options.openHistory ?? openHistory;
  const series = { seriesOf: (s: Parameters<typeof seriesOf>[0]) => seriesOf(s) };
  try {
    const durable = await open({
      dir: join(options.userData, HISTORY_DIR),
      legacyFile: join(options.userData, HISTORY_FILE),
      days,
      ...series,
      onError: (error) => options.onError('history write', error),
    });
    if (durable.report.notes.length > 0) options.onHistoryProblem(durable.report.notes.join('\n'));
    return { history: durable, durable };
  } catch (error) {
    options.onHistoryProblem(`history is kept in memory only this time: ${(error as Error).message}`);
    return { history: createHistory({ days: Math.min(days, 7), ...series }) };
  }
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  let { history, durable } = await openOrMemory(options, options.settings.historyDays);

  const poller = createPoller({
    source: createSampler(),
    intervalMs: options.settings.trayIntervalMs,
    ownsSource: true,
    derive,
    onError: (error, kind) => options.onError(`poller ${kind}`, error),
  });
  let alertEngine = createAlertEngine(options.settings.alerts);

  // The service keeps this object; it always reaches the current history.
  const historyView: Pick<History, 'query' | 'queryAsync' | 'queryAll' | 'queryChunks' | 'listSeries'> = {
    query: (q) => history.query(q),
    queryAsync: (q) => history.queryAsync(q),
    queryAll: (q) => history.queryAll(q),
    queryChunks: (q) => history.queryChunks(q),
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

  return {
    poller,
    service,
    history: () => history,
    alerts: () => alertEngine,
    setRules(rules) {
      alertEngine = createAlertEngine(rules);
    },
    async setHistoryDays(days) {
      // Reopening with the new length applies it: tiers it no longer keeps are deleted, the kept
      // ones are trimmed by retention (core/history/open.ts).
      await durable?.close();
      ({ history, durable } = await openOrMemory(options, days));
    },
    async close() {
      service.close();
      // A read stuck in a driver file must not cost the history or hold the quit (issue #17).
      await closeWithin(poller, QUIT_READ_WAIT_MS);
      await durable?.close();
    },
  };
}
