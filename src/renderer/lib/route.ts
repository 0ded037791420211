import type { View } from '../store/types';

/**
 * Hash routes, so the same files work from file://, app:// and http:// (`#/popover`, `#/dashboard`).
 * With no route, `fallback` decides: the app's windows always name their view, and a browser
 * opening the server's `/` gets the dashboard, the view that fits a browser window.
 */
export function viewFromHash(hash: string, fallback: View = 'popover'): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (name === 'dashboard' || name === 'settings' || name === 'popover') return name;
  return fallback;
}

/** The view for a page without a route: the popover inside the app, the dashboard in a browser. */
export function defaultView(win: { readonly darwinmetrics?: unknown }): View {
  return win.darwinmetrics ? 'popover' : 'dashboard';
}
