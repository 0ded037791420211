import type { StateCreator } from 'zustand';
import type { AppState, UiSlice } from './types';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  view: 'popover',
  popoverRank: 'cpu',
  setPopoverRank: (rank) => set({ popoverRank: rank }),
  processSort: 'cpu',
  processSortDescending: true,
  processFilter: '',
  expanded: new Set<number>(),
  treeSeeded: false,
  setView: (view) => set({ view }),
  setProcessSort: (key) => {
    const { processSort, processSortDescending } = get();
    // Clicking the sorted column again flips the order; a new column starts in its natural order.
    if (key === processSort) set({ processSortDescending: !processSortDescending });
    else set({ processSort: key, processSortDescending: key !== 'name' && key !== 'pid' });
  },
  setProcessFilter: (text) => set({ processFilter: text }),
  toggleExpanded: (pid) => {
    const next = new Set(get().expanded);
    if (next.has(pid)) next.delete(pid);
    else next.add(pid);
    set({ expanded: next });
  },
  setExpanded: (pids) => set({ expanded: new Set(pids) }),
});
