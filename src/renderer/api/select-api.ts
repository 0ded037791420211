/**
 * The one DarwinMetricsApi the renderer uses: the preload's `window.darwinmetrics` inside the app,
 * otherwise the web transport against the server that served this page (`nmetrics serve --ui`).
 */
import type { DarwinMetricsApi } from '../../shared/ipc';
import { createWebApi } from './web-transport';

declare global {
  interface Window {
    readonly darwinmetrics?: DarwinMetricsApi;
  }
}

export function selectApi(win: Window = window): DarwinMetricsApi {
  if (win.darwinmetrics) return win.darwinmetrics;
  if (win.location.protocol !== 'http:' && win.location.protocol !== 'https:') {
    throw new Error(
      `No metrics API: this page was opened from ${win.location.protocol} without the app's preload. ` +
        'Open it through `nmetrics serve --ui` or the darwinmetrics app.',
    );
  }
  const token = new URLSearchParams(win.location.search).get('token') ?? undefined;
  return createWebApi({ baseUrl: win.location.origin, ...(token ? { token } : {}) });
}
