import { createStore, useStore } from 'zustand';
import type { NoticeDownload } from '../share/boot';

/**
 * A message for the whole app, shown under the header until dismissed: a link that could not be
 * opened (at startup or when one is pasted into the address bar). Worded by the feature that
 * raised it, through its catalog; `details` are its problems, one line each.
 */
export interface Notice {
  message: string;
  details: string[];
  /** Said after the details: what the app did instead ("The default scenario is shown instead."). */
  outcome?: string;
  /** Texts the person can download (work that failed to load, kept aside). */
  downloads?: NoticeDownload[];
}

/** A file a notice offers to download (defined with the boot code that offers one). */
export type { NoticeDownload };

export interface NoticeState {
  notice: Notice | null;
  noticeShown: (notice: Notice) => void;
  noticeDismissed: () => void;
}

export const noticeStore = createStore<NoticeState>()((set) => ({
  notice: null,
  noticeShown: (notice) => set({ notice }),
  noticeDismissed: () => set({ notice: null }),
}));

export function useNotice<T>(selector: (s: NoticeState) => T): T {
  return useStore(noticeStore, selector);
}
