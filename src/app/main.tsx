import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { createWorkerRunner } from '../runner/worker-runner';
import { viewStore } from '../store/view';
import { App } from './App';

/**
 * Boot. The scenario store starts with the default scenario; a feature that reads the URL fragment
 * (issue 4) calls `scenarioStore.getState().scenarioLoaded(decoded)` here, before rendering.
 */
// A shared explorer link (#explore=...) opens the explorer.
if (/^#(?:.*&)?explore=/.test(location.hash)) viewStore.getState().viewSwitched('explorer');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App runner={createWorkerRunner()} />
    </StrictMode>,
  );
}
