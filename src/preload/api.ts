/**
 * Builds the one object the page sees as `window.darwinmetrics` (DarwinMetricsApi of
 * src/shared/ipc.ts) from a transport. Named methods only, never a generic send(channel).
 */
import type { AlertEvent } from '../shared/alert-types';
import type {
  DarwinMetricsApi,
  InvokeArgs,
  InvokeChannel,
  InvokeResponse,
  PushChannel,
  PushChannels,
  Settings,
} from '../shared/ipc';
import type { Sample } from '../shared/sample';
import { createPushHub } from './push-hub';

export interface Transport {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResponse<C>>;
  onPush<C extends PushChannel>(channel: C, cb: (payload: PushChannels[C]) => void): () => void;
}

/** Alerts held before the page subscribes; more than this at start-up means a flood, keep the newest. */
const HELD_ALERTS = 32;

export function createApi(transport: Transport, onError: (err: unknown) => void): DarwinMetricsApi {
  const samples = createPushHub<Sample>(1, onError);
  const settings = createPushHub<Settings>(1, onError);
  const alerts = createPushHub<AlertEvent>(HELD_ALERTS, onError);
  transport.onPush('metrics:sample', (s) => samples.deliver(s));
  transport.onPush('settings:changed', (s) => settings.deliver(s));
  transport.onPush('alerts:event', (e) => alerts.deliver(e));

  return {
    onSample: (cb) => samples.subscribe(cb),
    onSettingsChanged: (cb) => settings.subscribe(cb),
    onAlert: (cb) => alerts.subscribe(cb),
    getCapabilities: () => transport.invoke('app:getCapabilities'),
    getLatest: () => transport.invoke('metrics:getLatest'),
    setDemand: (sections) => transport.invoke('metrics:setDemand', sections),
    listSeries: () => transport.invoke('history:listSeries'),
    getHistory: (range, series, maxPoints) => transport.invoke('history:query', { range, series, maxPoints }),
    exportCsv: (options) => transport.invoke('export:run', options),
    getSettings: () => transport.invoke('settings:get'),
    setSettings: (patch) => transport.invoke('settings:set', patch),
    openDashboard: () => transport.invoke('app:openDashboard'),
    openSettings: () => transport.invoke('app:openSettings'),
  };
}
