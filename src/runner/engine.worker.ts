/// <reference lib="webworker" />
import { profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import type { RunRequest, RunResponse } from './worker-runner';

// The engine (XState, zod-free simulator) runs here, off the main thread and out of the first load.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<RunRequest>) => {
  const { id, scenario } = e.data;
  let reply: RunResponse;
  try {
    reply = { id, ok: true, result: simulate(scenario, { profile: profileById(scenario.profile) ?? SPEC }) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
