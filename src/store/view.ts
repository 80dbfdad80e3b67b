import { createStore, useStore } from 'zustand';
import type { Locale } from '../i18n/messages';

/**
 * UI state: which view is shown, the playhead and playback, selection, zoom and theme. Nothing here
 * is a simulation result: the view at the playhead is computed from (trace, playhead).
 */

export type Theme = 'system' | 'light' | 'dark';

/** Speed is stored as log10 of the factor over real time: -1 (0.1x) to 2 (100x). */
export const SPEED_MIN = -1;
export const SPEED_MAX = 2;

export interface TimeWindow {
  from: number;
  to: number;
}

export interface ViewState {
  /** Id of the main view (see src/app/views.tsx). */
  view: string;
  /** Virtual time of the playhead, ms. */
  playhead: number;
  playing: boolean;
  speedExp: number;
  /** Index of the selected trace entry in the current run, or null. */
  selectedEntry: number | null;
  /** The client the inject panel and the statechart are about. */
  selectedClient: string | null;
  /** Visible time range of the timeline (ms); null = the whole run. */
  zoom: TimeWindow | null;
  theme: Theme;
  /** The language shown (src/app/language.ts chooses it at boot and remembers a change). */
  locale: Locale;
  helpOpen: boolean;

  viewSwitched: (id: string) => void;
  playheadMoved: (ms: number) => void;
  playToggled: () => void;
  played: () => void;
  paused: () => void;
  speedChanged: (exp: number) => void;
  /** An entry was picked (log, timeline, stepping); the playhead moves to its time when given. */
  entrySelected: (index: number | null, atMs?: number) => void;
  clientSelected: (name: string | null) => void;
  zoomChanged: (zoom: TimeWindow | null) => void;
  themeChanged: (theme: Theme) => void;
  /** The words of `locale` are loaded: show them. */
  localeChanged: (locale: Locale) => void;
  helpToggled: (open: boolean) => void;
}

export const initialView = {
  view: 'simulator',
  playhead: 0,
  playing: false,
  speedExp: 0,
  selectedEntry: null,
  selectedClient: null,
  zoom: null,
  theme: 'system' as Theme,
  locale: 'en' as Locale,
  helpOpen: false,
};

const clampSpeed = (x: number) => Math.min(SPEED_MAX, Math.max(SPEED_MIN, x));

export function createViewStore() {
  return createStore<ViewState>()((set) => ({
    ...initialView,
    viewSwitched: (view) => set({ view }),
    playheadMoved: (ms) => set({ playhead: Math.max(0, ms) }),
    playToggled: () => set((s) => ({ playing: !s.playing })),
    played: () => set({ playing: true }),
    paused: () => set({ playing: false }),
    speedChanged: (exp) => set({ speedExp: clampSpeed(exp) }),
    entrySelected: (index, atMs) =>
      set(atMs === undefined ? { selectedEntry: index } : { selectedEntry: index, playhead: Math.max(0, atMs) }),
    clientSelected: (selectedClient) => set({ selectedClient }),
    zoomChanged: (zoom) => set({ zoom }),
    themeChanged: (theme) => set({ theme }),
    localeChanged: (locale) => set({ locale }),
    helpToggled: (helpOpen) => set({ helpOpen }),
  }));
}

export const viewStore = createViewStore();

export function useView<T>(selector: (s: ViewState) => T): T {
  return useStore(viewStore, selector);
}

/** Speed factor over real time, e.g. 1, 10, 0.1. */
export const speedFactor = (exp: number): number => 10 ** exp;
