/**
 * DarwinMetricsApi over the web contract of `nmetrics serve` (WEB_API in src/shared/ipc.ts):
 * invokes are `POST /api/invoke/<channel>` answered by an InvokeReply envelope, pushes arrive as
 * Server-Sent Events on /api/stream (one `event:` per push channel), and the export is a download
 * from /api/export. A token, when the page was opened with `?token=`, goes in a bearer header for
 * fetches and in the query for EventSource and downloads (neither can set headers).
 */
import type {
  DarwinMetricsApi,
  ExportOptions,
  ExportResult,
  InvokeArgs,
  InvokeChannel,
  InvokeReply,
  InvokeResponse,
  PushChannel,
  PushChannels,
} from '../../shared/ipc';
import { WEB_API } from '../../shared/ipc';
import { countRecords } from './count-records';
import { createPushStream, type EventSourceFactory } from './push-stream';

export interface WebTransportOptions {
  /** Origin (and optional path prefix) of the server, e.g. "http://127.0.0.1:9101". */
  readonly baseUrl: string;
  readonly token?: string;
  readonly fetch?: typeof fetch;
  readonly createEventSource?: EventSourceFactory;
  /** Hands a finished export to the user (a file download in the page). */
  readonly saveFile?: (blob: Blob, fileName: string) => void;
  /** Navigates to a view of this same page (the browser's "window"). */
  readonly navigate?: (hash: string) => void;
  readonly reconnectMs?: number;
}

export function createWebApi(options: WebTransportOptions): DarwinMetricsApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;

  const withToken = (path: string): string => {
    if (!options.token) return `${base}${path}`;
    const sep = path.includes('?') ? '&' : '?';
    return `${base}${path}${sep}token=${encodeURIComponent(options.token)}`;
  };

  async function invoke<C extends InvokeChannel>(
    channel: C,
    ...args: InvokeArgs<C>
  ): Promise<InvokeResponse<C>> {
    const res = await doFetch(`${base}${WEB_API.invoke(channel)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(args),
    });
    let reply: InvokeReply<InvokeResponse<C>>;
    try {
      reply = (await res.json()) as InvokeReply<InvokeResponse<C>>;
    } catch {
      throw new Error(`${channel}: the server answered HTTP ${res.status} without a JSON reply`);
    }
    if (!reply.ok) throw new Error(`${channel}: ${reply.error}`);
    return reply.value;
  }

  const stream = createPushStream({
    url: withToken(WEB_API.stream),
    createEventSource: options.createEventSource ?? ((url) => new EventSource(url)),
    reconnectMs: options.reconnectMs ?? 2000,
  });
  const on =
    <C extends PushChannel>(channel: C) =>
    (cb: (payload: PushChannels[C]) => void): (() => void) =>
      stream.subscribe(channel, (data) => cb(data as PushChannels[C]));

  async function exportFile(opts: ExportOptions): Promise<ExportResult> {
    const query = new URLSearchParams({
      range: opts.range,
      series: opts.series.join(','),
      format: opts.format,
    });
    const res = await doFetch(`${base}${WEB_API.export}?${query.toString()}`, { headers });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new Error(`export: HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    }
    const text = await res.text();
    const blob = new Blob([text], { type: opts.format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
    const fileName = `darwinmetrics-${opts.range}-${new Date().toISOString().replace(/[:.]/g, '-')}.${opts.format}`;
    (options.saveFile ?? downloadBlob)(blob, fileName);
    // CSV has a header row; JSONL has none.
    const records = countRecords(text, opts.format);
    return { saved: true, path: fileName, rows: records, bytes: blob.size };
  }

  const navigate = options.navigate ?? ((hash: string) => void (window.location.hash = hash));

  return {
    onSample: on('metrics:sample'),
    onSettingsChanged: on('settings:changed'),
    onAlert: on('alerts:event'),
    getCapabilities: () => invoke('app:getCapabilities'),
    getLatest: () => invoke('metrics:getLatest'),
    setDemand: (sections) => invoke('metrics:setDemand', sections),
    listSeries: () => invoke('history:listSeries'),
    getHistory: (range, series, maxPoints) => invoke('history:query', { range, series, maxPoints }),
    exportCsv: exportFile,
    getSettings: () => invoke('settings:get'),
    setSettings: (patch) => invoke('settings:set', patch),
    // A browser has no second window: both open a view of this page.
    openDashboard: async () => navigate('#/dashboard'),
    openSettings: async () => navigate('#/settings'),
    // The server cannot read the visitor's disk, and a page cannot hand it a path.
    openRecording: async () => {
      throw new Error(
        'In a browser, a recording is replayed by the server: run `nmetrics serve --replay FILE.jsonl --ui`, or open it in the darwinmetrics app',
      );
    },
    controlReplay: (playback) => invoke('replay:control', playback),
  };
}

/** Saves a blob through a temporary object URL and an anchor with `download` (no inline script). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking synchronously can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
