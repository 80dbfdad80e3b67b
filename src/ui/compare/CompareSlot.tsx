import { useMemo } from 'react';
import type { Comparison } from '../../compare/compare';
import { useScenario } from '../../store/scenario';
import { viewStore } from '../../store/view';
import { fixedRunStore, RunPanel, SharedTransport } from '../runs/RunPanel';
import { CompareView } from './CompareView';

/** Both runs of a comparison, each with the simulator's timeline, will outcomes and event log. */
function ComparedRuns({ comparison, names }: { comparison: Comparison; names: { a: string; b: string } }) {
  const stores = useMemo(
    () => [
      fixedRunStore(comparison.a.scenario, comparison.a.run),
      fixedRunStore(comparison.b.scenario, comparison.b.run),
    ],
    [comparison],
  );
  const [a, b] = stores;
  if (!a || !b) return null;
  return (
    <div className="grid grid-cols-1 gap-4">
      <SharedTransport store={a} />
      <RunPanel name={names.a} store={a} />
      <RunPanel name={names.b} store={b} />
    </div>
  );
}

/**
 * The compare view (an extra view of src/app/extensions.ts, loaded on demand): the working scenario
 * against another broker profile or one changed parameter, the first differing decision marked, and
 * both runs drawn below with one playhead ("Show the timeline at" moves it to the difference).
 */
export default function CompareSlot() {
  const scenario = useScenario((s) => s.scenario);
  return (
    <div className="panel">
      <CompareView
        scenario={scenario}
        onShowTime={(ms) => {
          const v = viewStore.getState();
          v.entrySelected(null);
          v.playheadMoved(ms);
        }}
        renderRuns={(comparison, names) => <ComparedRuns comparison={comparison} names={names} />}
      />
    </div>
  );
}
