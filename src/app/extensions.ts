import type { ComponentType, LazyExoticComponent } from 'react';
import { lazyRetry } from './boundary';

/**
 * Seams for the features built beside the simulator (see docs/ui.md):
 * - issue 4 (share links, import/export, lessons) adds header actions and a sidebar panel;
 * - issue 5 (parameter explorer) adds a lazily loaded view;
 * - issue 6 (run on a real broker) adds a view or a sidebar panel.
 * Each entry is a component that reads and writes the stores itself (e.g. `scenarioLoaded`).
 */
export interface Slot {
  id: string;
  Component: ComponentType | LazyExoticComponent<ComponentType>;
}

export interface ViewEntry extends Slot {
  /** Key of the view's name in the UI catalog's `app.views`. */
  labelKey: string;
}

/** Buttons in the header's toolbar, after the view switch ("Copy link", "Import", "Export"). */
export const headerActions: Slot[] = [
  // Issue 4: Share (copy link, size meter), Open (file, paste, case picker), Export, Reset.
  { id: 'share', Component: lazyRetry(() => import('../ui/share/HeaderActions')) },
];

/** Panels above the set-up panel in the simulator's left column (a lessons panel). */
export const sidebarPanels: Slot[] = [];

/** Extra main views, shown by the view switch next to the simulator. Use lazyRetry (./boundary) for each: a failed load is retried. */
export const extraViews: ViewEntry[] = [
  // Issue 5: every combination of the lifecycle parameters at once (the engine runs in a worker).
  { id: 'explorer', labelKey: 'explorer', Component: lazyRetry(() => import('../ui/explorer/ExplorerEntry')) },
  // Issue 4: the guided lessons, and the scenario side by side with a variant.
  { id: 'lessons', labelKey: 'lessons', Component: lazyRetry(() => import('../ui/lessons/LessonsView')) },
  { id: 'compare', labelKey: 'compare', Component: lazyRetry(() => import('../ui/compare/CompareSlot')) },
  // Issue 6: plays the working scenario on a WebSocket broker (the player loads only on Run).
  { id: 'real-broker', labelKey: 'realBroker', Component: lazyRetry(() => import('../ui/realbroker/RealBrokerSlot')) },
];
