import { startTransition } from 'react';
import type { Scenario } from '../../engine/types';
import { scenarioStore } from '../../store/scenario';
import { viewStore } from '../../store/view';
import ExplorerView from './ExplorerView';

/**
 * The explorer as a view of the app (src/app/extensions.ts): the self-contained ExplorerView wired
 * to the stores. A cell opens its scenario in the simulator; the settings live in the URL fragment
 * (`#explore=...`), so the explorer itself can be shared.
 */
export function openInSimulator(scenario: Scenario): void {
  scenarioStore.getState().scenarioLoaded(scenario);
  viewStore.getState().playheadMoved(0);
  viewStore.getState().entrySelected(null);
  // A transition keeps the explorer on screen until the simulator view is ready.
  startTransition(() => viewStore.getState().viewSwitched('simulator'));
}

export default function ExplorerEntry() {
  return (
    <ExplorerView
      initialLink={location.hash}
      onSettingsChange={(_settings, fragment) => history.replaceState(history.state, '', fragment)}
      onOpenScenario={openInSimulator}
    />
  );
}
