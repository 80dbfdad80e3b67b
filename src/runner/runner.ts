import type { RunResult, Scenario } from '../engine/types';

/**
 * How the UI gets a run: `run(scenario)` with the broker profile named in the scenario. The app uses
 * a Web Worker (src/runner/worker-runner.ts) so the engine (XState, the simulator) stays out of the
 * first load; component tests use the in-process runner (src/runner/in-process.ts).
 */
export interface Runner {
  run(scenario: Scenario): Promise<RunResult>;
}

export interface RunState {
  /** The scenario object the result belongs to (may lag behind the store's while pending). */
  scenario: Scenario | null;
  result: RunResult | null;
  /** A newer scenario is being simulated. */
  pending: boolean;
  error: string | null;
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
}

/** Runs kept for instant undo/redo. */
export const CACHED_RUNS = 16;

const EMPTY: RunState = { scenario: null, result: null, pending: false, error: null };

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
      if (state.scenario !== scenario) set({ pending: true });
      p.then(
        (result) => {
          if (latest === scenario) set({ scenario, result, pending: false, error: null });
        },
        (e: unknown) => {
          cache.delete(scenario);
          if (latest === scenario) set({ pending: false, error: e instanceof Error ? e.message : String(e) });
        },
      );
    },
  };
}
