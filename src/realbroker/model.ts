/** The engine's types the player needs, and the will topics the implicit observer subscribes to. */
export type {
  BrokerClock,
  ClientDef,
  Outcome,
  OutcomeWill,
  ProtocolLevel,
  Scenario,
  Step,
  WillDef,
} from '../engine/types';

import type { Scenario, WillDef } from '../engine/types';

/** Every will topic of the scenario, in the order the engine's observer subscribes (FORMAT.md). */
export function willTopicsOf(sc: Scenario): string[] {
  const topics: string[] = [];
  const add = (w: WillDef | null | undefined) => {
    if (w && !topics.includes(w.topic)) topics.push(w.topic);
  };
  for (const c of sc.clients) add(c.will);
  for (const s of sc.steps) if (s.action === 'reconnect') add(s.will);
  return topics;
}
