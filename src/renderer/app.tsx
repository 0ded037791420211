import { lazy, Suspense, useEffect } from 'react';
import { viewFromHash } from './lib/route';
import type { AppStore } from './store/create-store';
import { StoreContext, useApp } from './store/use-app';
import { Popover } from './views/popover/popover';
import { SettingsView } from './views/settings/settings-view';

// recharts is most of the bundle: the popover loads without it.
const Dashboard = lazy(() => import('./views/dashboard/dashboard').then((m) => ({ default: m.Dashboard })));

const VIEW_TITLES = { popover: 'glance', dashboard: 'dashboard', settings: 'settings' } as const;

/** The page title names the host (a browser tab among many must say which machine it shows). */
function DocumentTitle() {
  const hostname = useApp((s) => s.capabilities?.hostname);
  // The file too: two recordings of one machine open side by side must be told apart (Window menu).
  const replay = useApp((s) => s.capabilities?.replay?.source);
  const view = useApp((s) => s.view);
  useEffect(() => {
    const host = hostname ? `${hostname}${replay !== undefined ? ` (replay) — ${replay}` : ''} — ` : '';
    document.title = `${host}darwinmetrics ${VIEW_TITLES[view]}`;
  }, [hostname, replay, view]);
  return null;
}

function CurrentView() {
  const view = useApp((s) => s.view);
  if (view === 'dashboard')
    return (
      <Suspense fallback={<p className="unavailable">Loading the dashboard…</p>}>
        <Dashboard />
      </Suspense>
    );
  if (view === 'settings') return <SettingsView />;
  return <Popover />;
}

export function App({ store }: { readonly store: AppStore }) {
  useEffect(() => {
    const follow = (): void =>
      store.getState().setView(viewFromHash(window.location.hash, store.getState().view));
    follow();
    window.addEventListener('hashchange', follow);
    const stop = store.getState().start();
    return () => {
      window.removeEventListener('hashchange', follow);
      stop();
    };
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <DocumentTitle />
      <CurrentView />
    </StoreContext.Provider>
  );
}
