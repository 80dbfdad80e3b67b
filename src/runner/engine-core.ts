import { profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import type { RunRequest, RunResponse } from './worker-runner';

/** The simulator's half of the app worker, free of worker globals so tests can drive it. */
export function handleRunRequest(m: RunRequest, post: (r: RunResponse) => void): void {
  const { id, scenario } = m;
  let reply: RunResponse;
  try {
    reply = { id, ok: true, result: simulate(scenario, { profile: profileById(scenario.profile) ?? SPEC }) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  post(reply);
}
