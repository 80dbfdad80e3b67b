import type { ClientDef } from '../engine/types';
import { useScenario } from '../store/scenario';
import { useView } from '../store/view';

/** The client the panels act on (injection, statechart): the selected one, else the first. */
export function useTargetClient(): ClientDef | undefined {
  const clients = useScenario((s) => s.scenario.clients);
  const selected = useView((s) => s.selectedClient);
  return clients.find((c) => c.name === selected) ?? clients[0];
}
