import type { RunResult, Scenario } from '../engine/types';
import type { Runner } from './runner';

export interface RunRequest {
  type: 'simulate';
  id: number;
  scenario: Scenario;
}
export type RunResponse = { id: number; ok: true; result: RunResult } | { id: number; ok: false; error: string };

/** The app's runner: one module Worker; requests are answered in order. */
export function createWorkerRunner(): Runner {
  const worker = new Worker(new URL('../workers/app.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulator',
  });
  const waiting = new Map<number, { resolve: (r: RunResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<RunResponse>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if (e.data.ok) w.resolve(e.data.result);
    else w.reject(new Error(e.data.error));
  };
  worker.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(e.message || 'the simulator worker failed'));
    waiting.clear();
  };
  return {
    run(scenario) {
      const id = ++next;
      return new Promise<RunResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: 'simulate', id, scenario } satisfies RunRequest);
      });
    },
  };
}
