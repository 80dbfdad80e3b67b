import { profileById, SPEC } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { MAX_SHOWN_ENTRIES, shorterEnd } from './runner';
import type { RunRequest, RunResponse } from './worker-runner';

/**
 * The simulator's half of the app worker, free of worker globals so tests can drive it. A run too
 * large to show is answered with a `tooLarge` problem instead of its result, and so is a result the
 * browser cannot pass to the page ("Data cannot be cloned, out of memory"): never no answer.
 */
export function handleRunRequest(m: RunRequest, post: (r: RunResponse) => void, max = MAX_SHOWN_ENTRIES): void {
  const { id, scenario } = m;
  let reply: RunResponse;
  try {
    const result = simulate(scenario, { profile: profileById(scenario.profile) ?? SPEC });
    const entries = result.trace.length;
    reply =
      entries > max
        ? {
            id,
            ok: false,
            problem: { kind: 'tooLarge', entries, suggestedEnd: shorterEnd(scenario.end, entries, max) },
          }
        : { id, ok: true, result };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  try {
    post(reply);
  } catch {
    // The structured clone of the result failed (out of memory, DataCloneError): say so instead.
    post({ id, ok: false, problem: { kind: 'tooLarge', entries: null, suggestedEnd: shorterEnd(scenario.end, null) } });
  }
}
