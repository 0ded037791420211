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

/**
 * The disk path of a File the page was handed by a drop (webUtils.getPathForFile: with the sandbox,
 * File.path is gone since Electron 32); '' for a File that is not on disk. Throws for anything else.
 */
export type PathOfFile = (file: unknown) => string;

/**
 * PathOfFile over webUtils.getPathForFile, which throws for anything but a File
 * (https://www.electronjs.org/docs/latest/api/web-utils): that is the check, not `instanceof`, since
 * the page's object reaches the preload through the context bridge, from another world.
 */
export function droppedFilePath(getPathForFile: (file: File) => string): PathOfFile {
  return (file) => {
    try {
      return getPathForFile(file as File);
    } catch (error) {
      throw new TypeError('openRecording: expected a dropped File', { cause: error });
    }
  };
}

export function createApi(
  transport: Transport,
  onError: (err: unknown) => void,
  pathOfFile: PathOfFile,
): DarwinMetricsApi {
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
    async openRecording(file) {
      if (file === undefined) return transport.invoke('replay:open', null);
      // Only the path crosses to main, which checks it again (src/main/replay/read-recording.ts).
      const path = pathOfFile(file);
      if (path === '') throw new Error('openRecording: the dropped item is not a file on this disk');
      return transport.invoke('replay:open', path);
    },
    controlReplay: (playback) => transport.invoke('replay:control', playback),
  };
}
