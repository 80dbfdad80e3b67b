import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { RunResult, Scenario } from '../engine/types';
import type { RunState, RunStore } from '../runner/runner';
import { type RunModel, runModel } from './model';

export const RunContext = createContext<RunStore | null>(null);

export function useRunStore(): RunStore {
  const store = useContext(RunContext);
  if (!store) throw new Error('useRun needs a <RunContext.Provider>');
  return store;
}

export function useRun<T>(selector: (s: RunState) => T): T {
  return useStore(useRunStore(), selector);
}

export interface CurrentRun {
  scenario: Scenario;
  result: RunResult;
  model: RunModel;
}

/** The latest finished run and its view model (memoised per RunResult), or null before the first. */
export function useCurrentRun(): CurrentRun | null {
  const scenario = useRun((s) => s.scenario);
  const result = useRun((s) => s.result);
  return useMemo(
    () => (scenario && result ? { scenario, result, model: runModel(scenario, result) } : null),
    [scenario, result],
  );
}
