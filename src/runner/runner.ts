import type { RunResult, Scenario } from '../engine/types';

/**
 * How the UI gets a run: `run(scenario)` with the broker profile named in the scenario. The app uses
 * a Web Worker (src/runner/worker-runner.ts) so the engine (XState, the simulator) stays out of the
 * first load; component tests use the in-process runner (src/runner/in-process.ts).
 */
export interface Runner {
  run(scenario: Scenario): Promise<RunResult>;
  /** Stops the runs in progress: each rejects with a {@link RunProblemError} of kind `cancelled`. */
  cancel?(): void;
}

/** The most trace entries a run may have to be shown (beyond it the tab would run out of memory). */
export const MAX_SHOWN_ENTRIES = 300_000;

/**
 * Why a run is not shown, as data (the words are in src/i18n): too large to show (it has `entries`
 * trace entries, or could not be passed from the worker at all), stopped by its time box, or
 * cancelled. `suggestedEnd` is an end time (s) whose run should be small enough to show.
 */
export type RunProblem =
  | { kind: 'tooLarge'; entries: number | null; suggestedEnd: number }
  | { kind: 'timedOut'; afterMs: number; suggestedEnd: number }
  | { kind: 'cancelled'; suggestedEnd: number };

export class RunProblemError extends Error {
  constructor(readonly problem: RunProblem) {
    super(problem.kind);
  }
}

/**
 * A shorter window that shows quickly: the share of the run that holds about a third of `max`
 * entries (a run near the limit itself takes several seconds to draw); half the run when the size is
 * unknown; at least 1 s.
 */
export function shorterEnd(end: number, entries: number | null, max = MAX_SHOWN_ENTRIES): number {
  const share = entries && entries > max ? max / 3 / entries : 0.5;
  return Math.max(1, Math.floor(end * share));
}

export interface RunState {
  /** The scenario object the result belongs to (may lag behind the store's while pending). */
  scenario: Scenario | null;
  result: RunResult | null;
  /** A newer scenario is being simulated. */
  pending: boolean;
  error: string | null;
  /** The latest run is not shown, and why (the previous result stays on screen). */
  problem: RunProblem | null;
}

/**
 * The run derived from the scenario, as a framework-free observable ({ getState, subscribe }, the
 * shape Zustand's `useStore(api, selector)` reads). Results are memoised per scenario object (the
 * last CACHED_RUNS): undo costs nothing, and the last result stays on screen while the next is computed.
 */
export interface RunStore {
  getState(): RunState;
  getInitialState(): RunState;
  subscribe(listener: (state: RunState, prev: RunState) => void): () => void;
  request(scenario: Scenario): void;
  /** Stops the run in progress (when the runner can). */
  cancel(): void;
}

/** Runs kept for instant undo/redo. */
export const CACHED_RUNS = 16;

const EMPTY: RunState = { scenario: null, result: null, pending: false, error: null, problem: null };

export function createRunStore(runner: Runner): RunStore {
  // The most recent runs, by scenario object (undo/redo hits it); bounded, since a big run is megabytes.
  const cache = new Map<Scenario, Promise<RunResult>>();
  const listeners = new Set<(s: RunState, p: RunState) => void>();
  let state = EMPTY;
  let latest: Scenario | null = null;
  const set = (patch: Partial<RunState>) => {
    const prev = state;
    state = { ...state, ...patch };
    for (const l of listeners) l(state, prev);
  };
  return {
    getState: () => state,
    getInitialState: () => EMPTY,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request(scenario) {
      if (scenario === latest) return;
      latest = scenario;
      let p = cache.get(scenario);
      if (p) cache.delete(scenario);
      else p = runner.run(scenario);
      cache.set(scenario, p);
      while (cache.size > CACHED_RUNS) cache.delete(cache.keys().next().value as Scenario);
      if (state.scenario !== scenario) set({ pending: true, problem: null });
      p.then(
        (result) => {
          if (latest === scenario) set({ scenario, result, pending: false, error: null, problem: null });
        },
        (e: unknown) => {
          cache.delete(scenario);
          if (latest !== scenario) return;
          if (e instanceof RunProblemError) set({ pending: false, error: null, problem: e.problem });
          else set({ pending: false, error: e instanceof Error ? e.message : String(e), problem: null });
        },
      );
    },
    cancel() {
      runner.cancel?.();
    },
  };
}
