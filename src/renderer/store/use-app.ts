import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './create-store';
import type { AppState } from './types';

export const StoreContext = createContext<AppStore | null>(null);

/** Selects one value from the app store (one selector per value; useShallow for derived arrays). */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp: no StoreContext provider above this component');
  return useStore(store, selector);
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore: no StoreContext provider above this component');
  return store;
}
