/**
 * The engine-level side of the invoke channels (src/shared/ipc.ts) that need no Electron:
 * capabilities, the latest sample, demand, history and settings, plus the history export as a stream
 * of chunks. The Electron main process and `nmetrics serve` both call it with the arguments they
 * received (untrusted): every payload is checked here with the shared schemas
 * (src/shared/payload-schemas.ts, as main's IPC dispatch does) and a bad one is a TypeError naming
 * the field.
 * Nothing here knows about IPC, HTTP or windows.
 */
import type { History } from '../history';
import { capabilitiesOf, type SettingsStore } from './parts';
import { historyPiecesExport } from '../export';
import type { Poller } from '../poller';
import type { Capabilities, InvokeChannel, InvokeResponse, ReplayInfo } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';
import { validateExportOptions, validateInvokeArgs } from '../../shared/payload-schemas';
import { SECTIONS, type SectionName } from '../../shared/sections';

export { capabilitiesOf, createMemorySettingsStore, type SettingsStore } from './parts';

/** The channels this service answers; the others (windows, dialogs) belong to the shell. */
export const SERVICE_CHANNELS = [
  'app:getCapabilities',
  'metrics:getLatest',
  'metrics:setDemand',
  'history:listSeries',
  'history:query',
  'settings:get',
  'settings:set',
] as const satisfies readonly InvokeChannel[];

export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];

export function isServiceChannel(value: unknown): value is ServiceChannel {
  return typeof value === 'string' && (SERVICE_CHANNELS as readonly string[]).includes(value);
}

export interface MetricsServiceOptions {
  readonly shell: Capabilities['shell'];
  readonly poller: Pick<Poller, 'latest' | 'subscribe' | 'samples'>;
  /** Without one, history channels answer empty and exports fail with a message. */
  readonly history?: Pick<History, 'query' | 'queryAsync' | 'queryAll' | 'queryChunks' | 'listSeries'>;
  readonly settings: SettingsStore;
  /** Whether settings may change from this shell (default true); a call's context can narrow it. */
  readonly canChangeSettings?: boolean;
  /**
   * What metrics:setDemand does. Default: the service holds one poller subscription for the
   * sections asked for (replaced on each call), whose samples go to onSample.
   */
  readonly setDemand?: (sections: readonly SectionName[]) => void;
  readonly onSample?: (sample: Sample) => void;
  /** Clock for re-probing capabilities, ms (default Date.now). */
  readonly now?: () => number;
  /**
   * Set when the poller replays a recording: capabilities say so, with its host and time range (a
   * function when its playback can change while it runs).
   */
  readonly replay?: ReplayInfo | (() => ReplayInfo);
}

/**
 * How long a capability probe that found a section failing for a reason that can pass (not
 * 'unsupported': a sensor still starting, a busy SMC, a permission granted later) is trusted before
 * the next getCapabilities probes again. Long enough that a dashboard opening and closing does not
 * sample every section each time, short enough that a section that came up is offered within a minute.
 */
export const CAPABILITY_REPROBE_MS = 30_000;

/** A section error that may go away by itself; 'unsupported' means this machine never has it. */
function mayRecover(sample: Sample | undefined): boolean {
  if (sample === undefined) return true;
  return SECTIONS.some((name) => {
    const result = sample[name];
    return result !== undefined && !result.ok && result.error.reason !== 'unsupported';
  });
}

export interface CallContext {
  /** False when this caller may not change settings (a web client without the token). */
  readonly canChangeSettings?: boolean;
}

export interface ExportWritten {
  readonly rows: number;
  readonly bytes: number;
}

export interface MetricsService {
  /** Runs a channel with its untrusted argument array. */
  invoke<C extends ServiceChannel>(
    channel: C,
    args: readonly unknown[],
    context?: CallContext,
  ): Promise<InvokeResponse<C>>;
  /** Streams a history export (CSV or JSONL) through `write`, awaiting it between chunks. */
  exportData(options: unknown, write: (chunk: string) => void | Promise<void>): Promise<ExportWritten>;
  /** Drops the service's own demand subscription. */
  close(): void;
}

class Service implements MetricsService {
  private capabilities: Promise<Sample | undefined> | undefined;
  /** When the kept probe may be replaced (undefined: it is final). */
  private reprobeAt: number | undefined;
  private demand: (() => void) | undefined;

  constructor(private readonly options: MetricsServiceOptions) {
    if (typeof options !== 'object' || options === null) throw new TypeError('options: expected an object');
    if (options.shell !== 'electron' && options.shell !== 'web')
      throw new TypeError('shell: expected "electron" or "web"');
    if (typeof options.poller?.latest !== 'function') throw new TypeError('poller: expected a Poller');
    if (typeof options.settings?.get !== 'function')
      throw new TypeError('settings: expected a SettingsStore');
  }

  async invoke<C extends ServiceChannel>(
    channel: C,
    args: readonly unknown[],
    context: CallContext = {},
  ): Promise<InvokeResponse<C>> {
    if (!isServiceChannel(channel))
      throw new TypeError(`channel: not served by the metrics service: ${String(channel)}`);
    return (await this.run(channel, args, context)) as InvokeResponse<C>;
  }

  private async run(
    channel: ServiceChannel,
    args: readonly unknown[],
    context: CallContext,
  ): Promise<unknown> {
    switch (channel) {
      case 'app:getCapabilities':
        validateInvokeArgs(channel, args);
        return capabilitiesOf(
          (await this.probe()) ?? { t: 0, mono: 0 },
          this.options.shell,
          this.canChange(context),
          typeof this.options.replay === 'function' ? this.options.replay() : this.options.replay,
        );
      case 'metrics:getLatest':
        validateInvokeArgs(channel, args);
        return this.options.poller.latest() ?? null;
      case 'metrics:setDemand': {
        const [sections] = validateInvokeArgs(channel, args);
        this.setDemand(sections);
        return undefined;
      }
      case 'history:listSeries':
        validateInvokeArgs(channel, args);
        return this.options.history?.listSeries() ?? [];
      case 'history:query': {
        const [query] = validateInvokeArgs(channel, args);
        const history = this.options.history;
        // Off the event loop: a 1 y range reads its segments on the thread pool (history.ts queryAsync).
        if (history !== undefined) return history.queryAsync(query);
        return { range: query.range, fromMs: 0, toMs: 0, series: [] };
      }
      case 'settings:get':
        validateInvokeArgs(channel, args);
        return this.options.settings.get();
      case 'settings:set': {
        const [patch] = validateInvokeArgs(channel, args);
        if (!this.canChange(context)) throw new Error('settings:set: settings cannot be changed from here');
        return this.options.settings.set(patch);
      }
    }
  }

  async exportData(options: unknown, write: (chunk: string) => void | Promise<void>): Promise<ExportWritten> {
    const valid = validateExportOptions(options);
    if (typeof write !== 'function') throw new TypeError('write: expected a function');
    const history = this.options.history;
    if (history === undefined) throw new Error('export: this engine keeps no history');
    // Piece by piece (a segment at a time for a history on disk): a year never sits in memory.
    const pieces = history.queryChunks({ series: valid.series, range: valid.range });
    let bytes = 0;
    let rows = 0;
    for (const chunk of historyPiecesExport(pieces, valid.format, (_piece, n) => (rows += n))) {
      bytes += Buffer.byteLength(chunk, 'utf8');
      await write(chunk);
    }
    return { rows, bytes };
  }

  close(): void {
    this.demand?.();
    this.demand = undefined;
  }

  private canChange(context: CallContext): boolean {
    return (this.options.canChangeSettings ?? true) && context.canChangeSettings !== false;
  }

  private setDemand(sections: readonly SectionName[]): void {
    if (this.options.setDemand !== undefined) {
      this.options.setDemand(sections);
      return;
    }
    this.close();
    if (sections.length === 0) return;
    const onSample = this.options.onSample ?? (() => undefined);
    this.demand = this.options.poller.subscribe(sections, onSample);
  }

  /**
   * One sample of every section, read through the poller (never beside it) and kept. A probe that
   * failed, or found a section failing for a reason that can pass, is repeated once
   * CAPABILITY_REPROBE_MS has gone by, so a capability that was down at start-up shows up later.
   */
  private probe(): Promise<Sample | undefined> {
    const now = (this.options.now ?? Date.now)();
    if (this.capabilities !== undefined && (this.reprobeAt === undefined || now < this.reprobeAt)) {
      return this.capabilities;
    }
    this.reprobeAt = now + CAPABILITY_REPROBE_MS;
    const probe = this.sampleEverySection().then(
      (sample) => {
        if (!mayRecover(sample)) this.reprobeAt = undefined;
        return sample;
      },
      () => this.options.poller.latest(),
    );
    this.capabilities = probe;
    return probe;
  }

  private async sampleEverySection(): Promise<Sample | undefined> {
    const iterator = this.options.poller.samples(SECTIONS);
    try {
      const first = await iterator.next();
      return first.done === true ? this.options.poller.latest() : first.value;
    } finally {
      await iterator.return?.();
    }
  }
}

export function createMetricsService(options: MetricsServiceOptions): MetricsService {
  return new Service(options);
}
