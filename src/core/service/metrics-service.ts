/**
 * The engine-level side of the invoke channels (src/shared/ipc.ts) that need no Electron:
 * capabilities, the latest sample, demand, history and settings, plus the history export as a stream
 * of chunks. The Electron main process and `nmetrics serve` both call it with the arguments they
 * received (untrusted): every payload is checked here and a bad one is an Error naming the field.
 * Nothing here knows about IPC, HTTP or windows.
 */
import type { History } from '../history';
import { historyExportChunks } from '../export';
import { validateHistoryQuery } from '../history';
import {
  capabilitiesOf,
  checkArity,
  validateExportOptions,
  validateSections,
  type SettingsStore,
} from './parts';
import type { Poller } from '../poller';
import type { Capabilities, InvokeChannel, InvokeResponse, ReplayInfo } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';
import { SECTIONS, type SectionName } from '../../shared/sections';
import { validateSettingsPatch } from '../../shared/settings';

export {
  capabilitiesOf,
  createMemorySettingsStore,
  validateExportOptions,
  validateSections,
  type SettingsStore,
} from './parts';

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
  readonly history?: Pick<History, 'query' | 'queryAll' | 'listSeries'>;
  readonly settings: SettingsStore;
  /** Whether settings may change from this shell (default true); a call's context can narrow it. */
  readonly canChangeSettings?: boolean;
  /**
   * What metrics:setDemand does. Default: the service holds one poller subscription for the
   * sections asked for (replaced on each call), whose samples go to onSample.
   */
  readonly setDemand?: (sections: readonly SectionName[]) => void;
  readonly onSample?: (sample: Sample) => void;
  /** Set when the poller replays a recording: capabilities say so, with its host and time range. */
  readonly replay?: ReplayInfo;
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
        checkArity(channel, args, 0);
        return capabilitiesOf(
          (await this.probe()) ?? { t: 0, mono: 0 },
          this.options.shell,
          this.canChange(context),
          this.options.replay,
        );
      case 'metrics:getLatest':
        checkArity(channel, args, 0);
        return this.options.poller.latest() ?? null;
      case 'metrics:setDemand':
        checkArity(channel, args, 1);
        this.setDemand(validateSections(args[0]));
        return undefined;
      case 'history:listSeries':
        checkArity(channel, args, 0);
        return this.options.history?.listSeries() ?? [];
      case 'history:query': {
        checkArity(channel, args, 1);
        const query = validateHistoryQuery(args[0]);
        const history = this.options.history;
        if (history !== undefined) return history.query(query);
        return { range: query.range, fromMs: 0, toMs: 0, series: [] };
      }
      case 'settings:get':
        checkArity(channel, args, 0);
        return this.options.settings.get();
      case 'settings:set': {
        checkArity(channel, args, 1);
        if (!this.canChange(context)) throw new Error('settings:set: settings cannot be changed from here');
        return this.options.settings.set(validateSettingsPatch(args[0]));
      }
    }
  }

  async exportData(options: unknown, write: (chunk: string) => void | Promise<void>): Promise<ExportWritten> {
    const valid = validateExportOptions(options);
    if (typeof write !== 'function') throw new TypeError('write: expected a function');
    const history = this.options.history;
    if (history === undefined) throw new Error('export: this engine keeps no history');
    const result = history.queryAll({ series: valid.series, range: valid.range });
    let bytes = 0;
    for (const chunk of historyExportChunks(result, valid.format)) {
      bytes += Buffer.byteLength(chunk, 'utf8');
      await write(chunk);
    }
    const times = new Set<number>();
    for (const s of result.series) for (const t of s.t) times.add(t);
    return { rows: times.size, bytes };
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

  /** One sample of every section, read once through the poller (never beside it) and kept. */
  private probe(): Promise<Sample | undefined> {
    this.capabilities ??= (async () => {
      const iterator = this.options.poller.samples(SECTIONS);
      try {
        const first = await iterator.next();
        return first.done === true ? this.options.poller.latest() : first.value;
      } finally {
        await iterator.return?.();
      }
    })();
    return this.capabilities;
  }
}

export function createMetricsService(options: MetricsServiceOptions): MetricsService {
  return new Service(options);
}
