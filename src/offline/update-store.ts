import { createStore, useStore } from 'zustand';

/**
 * The service worker's side in the page (the worker itself: src/offline/sw-template.js). A new
 * version never takes over an open tab by itself: when one has installed and waits, the page says so
 * (`available`), and `apply()` asks it to take over, then reloads once it controls the page.
 */
export interface UpdateState {
  available: boolean;
  apply: () => void;
}

export const updateStore = createStore<UpdateState>()(() => ({ available: false, apply: () => {} }));

export function useUpdate<T>(selector: (s: UpdateState) => T): T {
  return useStore(updateStore, selector);
}
