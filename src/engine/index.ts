/**
 * The engine's public surface for the UI, the CLI, workers and tests. Pure TypeScript: no React,
 * DOM, wall clock, timers or unseeded randomness anywhere under src/engine.
 */

export { clientMachine } from './machines/client.machine';
export { connectionMachine } from './machines/connection.machine';
export { sessionMachine } from './machines/session.machine';
export { setTransitionMemo } from './machines/stepper';
export { PROFILE_LIST, type ProfileId } from './profile-list';
export {
  type BrokerProfile,
  MOSQUITTO_2_0,
  NANOMQ_0_23_2,
  PROFILE_IDS,
  PROFILES,
  profileById,
  SPEC,
} from './profiles';
export { RULES, type WhyCode, why } from './rules';
export * from './script';
export { machineEvaluations, type SimulateOptions, simulate } from './sim';
export { filterProblem, topicMatches, topicProblem } from './topic';
export * from './trace';
export * from './types';
