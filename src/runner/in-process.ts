import { profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import type { Runner } from './runner';

/** Runs the engine on the calling thread: for component tests and tools (it pulls in XState). */
export const inProcessRunner: Runner = {
  run: (scenario) => Promise.resolve(simulate(scenario, { profile: profileById(scenario.profile) ?? SPEC })),
};
