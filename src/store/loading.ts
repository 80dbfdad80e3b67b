import type { Scenario } from '../engine/types';
import { defaultScenario } from './defaults';
import { noticeStore } from './notice';
import { scenarioStore } from './scenario';
import { viewStore } from './view';

/**
 * Opening a scenario on purpose (an import, a lesson, Reset). The app's URL and autosave sync
 * (src/app/sync.ts) registers how it records such a load; without it the store is simply updated.
 * Here, not in src/app, so that views can load a scenario without importing the app shell.
 */
export interface ScenarioLoader {
  load(scenario: Scenario, newEntry: boolean): void;
  reset(): void;
}

let loader: ScenarioLoader | null = null;

export function setScenarioLoader(l: ScenarioLoader | null): void {
  loader = l;
}

export function hasScenarioLoader(): boolean {
  return loader !== null;
}

/** A scenario was opened: any notice about an earlier link is obsolete; play from the start. */
export function scenarioOpened(): void {
  noticeStore.getState().noticeDismissed();
  const v = viewStore.getState();
  v.paused();
  v.playheadMoved(0);
}

/**
 * A deliberate load (an import, a lesson): the playhead at the start and, unless `newEntry` is
 * false (a lesson switching between its own runs), a history entry of its own.
 */
export function loadScenario(scenario: Scenario, { newEntry = true }: { newEntry?: boolean } = {}): void {
  if (loader) {
    loader.load(scenario, newEntry);
    return;
  }
  scenarioStore.getState().scenarioLoaded(scenario);
  scenarioOpened();
}

/** "Reset": the default scenario, the autosave cleared until the next edit (Undo brings the scenario back). */
export function resetScenario(): void {
  if (loader) loader.reset();
  else scenarioStore.getState().scenarioLoaded(defaultScenario());
}
