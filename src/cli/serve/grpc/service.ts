/**
 * The handlers of darwinmetrics.v1.MetricsService over the engine: the same poller as every other
 * consumer of `nmetrics serve` (streams share its grid and its demand, core/poller/paced-subscription)
 * and the metrics service's history channels (their payload checks included). A cancelled call or a
 * passed deadline ends the call's poller subscription at once.
 */
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { subscribePaced } from '../../../core/poller';
import type { Poller } from '../../../core/poller';
import { pickSections } from '../../../core/poller';
import type { HistoryResult, SeriesInfo } from '../../../shared/history-types';
import type { Sample } from '../../../shared/sample';
import type { SectionName } from '../../../shared/sections';
import type { WebBackend } from '../backend';
import { createSampleEncoder } from '../sample-encoder';
import { toProtoEnum } from './enums';
import type { HistoryRange } from './generated/darwinmetrics/v1/HistoryRange';
import type { MetricsServiceHandlers } from './generated/darwinmetrics/v1/MetricsService';
import type { Sample as SampleMessage } from './generated/darwinmetrics/v1/Sample';
import { callSignal, historyRange, rpcError, sectionsOrAll, streamInterval, toRpcError } from './requests';
import { toSampleMessage } from './sample-message';

export interface MetricsServiceDeps {
  readonly poller: Pick<Poller, 'subscribe' | 'samples' | 'latest' | 'intervalMs'>;
  readonly backend: Pick<WebBackend, 'invoke'>;
  readonly maxStreams: number;
}

interface ImplDeps extends MetricsServiceDeps {
  /** The Sample message's protobuf encoder; streams write its output, which the server passes through. */
  readonly encodeSample: (message: SampleMessage) => Buffer;
}

export interface MetricsServiceImpl {
  readonly handlers: MetricsServiceHandlers;
  /** Open StreamSamples calls. */
  readonly streams: number;
  /** Ends every open stream with OK (the server is shutting down). */
  endStreams(): void;
}

export function createMetricsServiceImpl(deps: ImplDeps): MetricsServiceImpl {
  const { poller, backend } = deps;
  const encoder = createSampleEncoder((sample) => deps.encodeSample(toSampleMessage(sample)));
  const streams = new Set<{ readonly call: ServerWritableStream<unknown, SampleMessage>; stop(): void }>();

  /** The newest sample when it holds every section asked for, else the next one the poller reads. */
  async function snapshot(sections: readonly SectionName[], signal: AbortSignal): Promise<Sample> {
    const latest = poller.latest();
    if (latest !== undefined && sections.every((name) => latest[name] !== undefined))
      return pickSections(latest, new Set(sections));
    const samples = poller.samples(sections, { signal });
    try {
      const first = await samples.next();
      if (first.done === true) throw new Error('the call was cancelled or the server is closing');
      return first.value;
    } finally {
      await samples.return?.();
    }
  }

  const handlers: MetricsServiceHandlers = {
    GetSnapshot(call, callback) {
      const signal = callSignal(call);
      Promise.resolve()
        .then(() => snapshot(sectionsOrAll(call.request.sections), signal))
        .then(
          (sample) => callback(null, toSampleMessage(sample)),
          (e: unknown) => callback(toRpcError(e)),
        );
    },

    StreamSamples(call) {
      let intervalMs: number;
      let sections: SectionName[];
      try {
        sections = sectionsOrAll(call.request.sections);
        intervalMs = streamInterval(call.request, poller.intervalMs);
      } catch (e) {
        call.emit('error', toRpcError(e));
        return;
      }
      if (streams.size >= deps.maxStreams) {
        call.emit(
          'error',
          rpcError(status.RESOURCE_EXHAUSTED, `too many open streams (limit ${deps.maxStreams})`),
        );
        return;
      }
      const key = sections.join(',');
      const unsubscribe = subscribePaced(poller, sections, intervalMs, (sample) => {
        if (call.cancelled || call.writableEnded) return;
        // Encoded once per tick and section set; the server's serializer passes the bytes through.
        const frame = encoder.frame(sample, key) as unknown as SampleMessage;
        // Resolves once grpc-js took the message (HTTP/2 flow control): until then the poller keeps
        // only the newest sample for this call.
        return new Promise<void>((resolve) => call.write(frame, () => resolve()));
      });
      const entry = {
        call,
        stop: () => {
          unsubscribe();
          streams.delete(entry);
        },
      };
      streams.add(entry);
      call.once('cancelled', entry.stop);
      call.once('close', entry.stop);
      call.once('error', entry.stop);
    },

    GetHistory(call, callback) {
      const { series, range, maxPoints } = call.request;
      Promise.resolve()
        .then(() =>
          backend.invoke('history:query', [{ series, range: historyRange(range), maxPoints }], false),
        )
        .then(
          (value) => {
            const result = value as HistoryResult;
            callback(null, {
              range: toProtoEnum<HistoryRange>('HISTORY_RANGE', result.range),
              fromMs: result.fromMs,
              toMs: result.toMs,
              series: result.series.map((s) => ({
                id: s.id,
                tMs: [...s.t],
                avg: [...s.avg],
                min: [...s.min],
                max: [...s.max],
              })),
            });
          },
          (e: unknown) => callback(toRpcError(e)),
        );
    },

    ListSeries(_call, callback) {
      backend.invoke('history:listSeries', [], false).then(
        (value) => callback(null, { series: (value as SeriesInfo[]).map((s) => ({ ...s })) }),
        (e: unknown) => callback(toRpcError(e)),
      );
    },

    ListSensors(call, callback) {
      snapshot(['thermal', 'fans'], callSignal(call)).then(
        (sample) => {
          const message = toSampleMessage(sample);
          callback(null, {
            temperatures: message.thermal?.sensors ?? [],
            fans: message.fans?.fans ?? [],
            errors: message.errors ?? [],
          });
        },
        (e: unknown) => callback(toRpcError(e)),
      );
    },
  };

  return {
    handlers,
    get streams() {
      return streams.size;
    },
    endStreams() {
      for (const entry of [...streams]) {
        entry.stop();
        entry.call.end();
      }
    },
  };
}
