import type { RunResult, Scenario } from '../../engine/types';
import type { RunState, RunStore } from '../../runner/runner';
import { EventLog } from '../EventLog';
import { Outcomes } from '../Explain';
import { RunContext } from '../run-context';
import { Timeline } from '../Timeline';
import { Transport } from '../Transport';

/** The transport for runs shown side by side: one playhead for all, the length of `store`'s run. */
export function SharedTransport({ store }: { store: RunStore }) {
  return (
    <RunContext.Provider value={store}>
      <Transport />
    </RunContext.Provider>
  );
}

/** A run computed elsewhere (a lesson's, one side of a comparison), offered as the app's run store. */
export function fixedRunStore(scenario: Scenario, result: RunResult): RunStore {
  const state: RunState = { scenario, result, pending: false, error: null, problem: null };
  return {
    getState: () => state,
    getInitialState: () => state,
    subscribe: () => () => {},
    request: () => {},
    cancel: () => {},
  };
}

/** The simulator's read-only parts (timeline, will outcomes, event log) showing `store`'s run. */
export function RunPanel({ name, store }: { name: string; store: RunStore }) {
  return (
    <section aria-label={name} className="grid grid-cols-1 gap-3">
      <h2 className="text-base font-semibold">{name}</h2>
      <RunContext.Provider value={store}>
        <Timeline />
        <div className="grid grid-cols-1 items-start gap-3 lg:grid-cols-2">
          <Outcomes />
          <EventLog />
        </div>
      </RunContext.Provider>
    </section>
  );
}
