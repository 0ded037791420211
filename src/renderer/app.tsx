import { useEffect } from 'react';
import { viewFromHash } from './lib/route';
import type { AppStore } from './store/create-store';
import { StoreContext, useApp } from './store/use-app';
import { Dashboard } from './views/dashboard/dashboard';
import { Popover } from './views/popover/popover';
import { SettingsView } from './views/settings/settings-view';

function CurrentView() {
  const view = useApp((s) => s.view);
  if (view === 'dashboard') return <Dashboard />;
  if (view === 'settings') return <SettingsView />;
  return <Popover />;
}

export function App({ store }: { readonly store: AppStore }) {
  useEffect(() => {
    const follow = (): void => store.getState().setView(viewFromHash(window.location.hash));
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
      <CurrentView />
    </StoreContext.Provider>
  );
}
