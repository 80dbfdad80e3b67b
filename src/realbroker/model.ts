/** The engine's types the player needs, and the will topics the implicit observer subscribes to. */

/** Every will topic of the scenario, in the order the engine's observer subscribes (FORMAT.md). */
export {
  afterCloseDue,
  connectParams,
  publishTopic,
  willTopics as willTopicsOf,
} from '../engine/script';
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
