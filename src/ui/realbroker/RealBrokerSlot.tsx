import { profileById, SPEC } from '../../engine/profiles';
import { useCurrentRun } from '../run-context';
import { RealBrokerPanel, type RealBrokerPanelProps } from './RealBrokerPanel';

/**
 * The panel as a slot of the app shell (src/app/extensions.ts): it reads the current run itself.
 * Register it lazily, so nothing of it is in the first load:
 *   sidebarPanels.push({ id: 'real-broker', Component: lazy(() => import('../ui/realbroker/RealBrokerSlot')) });
 */
export default function RealBrokerSlot(props: Pick<RealBrokerPanelProps, 'runner' | 'defaultUrl'> = {}) {
  const run = useCurrentRun();
  if (!run) return null;
  const profile = profileById(run.scenario.profile) ?? SPEC;
  return <RealBrokerPanel scenario={run.scenario} profile={profile} predicted={run.result} {...props} />;
}
